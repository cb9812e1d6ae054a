package answer

import (
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/retrieval"
)

// The way of sitting an épreuve a question names — forme ponctuelle or
// contrôle en cours de formation — and the passages that speak of it.

// Ways of sitting an épreuve a question may name.
const (
	formPonctuelle = "ponctuelle"
	formCCF        = "ccf"
)

// formOf is the way of sitting an épreuve a question names, "" when none or
// both.
func formOf(q *Query) string {
	p := hasExamWord(q.Norm, "ponctuelle") || hasExamWord(q.Norm, "ponctuel")
	c := q.Norm.Has("ccf") || q.Norm.Has("controle en cours de formation")
	switch {
	case p && !c:
		return formPonctuelle
	case c && !p:
		return formCCF
	}
	return ""
}

// otherForm reports whether a passage is about the other way of sitting the
// épreuve than the one asked.
func otherForm(s *tutor.Section, form string) bool {
	path := tutor.Fold(s.Path())
	ccf := strings.Contains(path, "controle en cours de formation")
	ponct := strings.Contains(path, "forme ponctuelle") || strings.Contains(path, "epreuve ponctuelle")
	if form == formPonctuelle {
		return ccf && !ponct
	}
	return ponct && !ccf
}

// preferForm moves the passages about the other way of sitting an épreuve
// after the rest: "en CCF, ça se déroule comment ?" is not answered by the
// forme ponctuelle.
func preferForm(res []retrieval.Result, form string) []retrieval.Result {
	if form == "" {
		return res
	}
	return stableFirst(res, func(r retrieval.Result) bool { return !otherForm(r.Section, form) })
}
