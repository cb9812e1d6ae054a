// Package retrieval finds the passages of the référentiels that answer a
// query: a French analyser, a lexical BM25 ranking, a vector ranking held in
// chromem-go (with a local, offline embedder by default), and their fusion with
// a boost for exact code matches.
package retrieval

import (
	"strings"
	"unicode"

	tutor "github.com/btstutor/tutor"
	"github.com/kljensen/snowball/french"
)

// codeTermPrefix marks index terms that stand for a canonical code.
const codeTermPrefix = "#"

// Analyzer turns French text into index terms: codes canonicalised, case and
// accents folded, elisions removed, stop words dropped, words stemmed.
type Analyzer struct{}

// Terms analyses text whose codes are written in style. With style "" (a
// user's query) every plausible reading of a code is kept.
func (Analyzer) Terms(text, style string) []string {
	var out []string
	findStyle := style
	if findStyle == "" {
		findStyle = tutor.StyleCompact
	}
	matches := tutor.FindCodes(text, findStyle)
	rest := []byte(text)
	for _, m := range matches {
		if style == "" {
			for _, c := range tutor.CodeCandidates(m.Raw) {
				out = append(out, codeTermPrefix+strings.ToLower(c))
			}
		} else {
			out = append(out, codeTermPrefix+strings.ToLower(m.Canonical))
		}
		// Blank the code out so that "C1.3" does not also yield "c1" and "3".
		for i := m.Start; i < m.End; i++ {
			rest[i] = ' '
		}
	}
	for _, w := range Words(string(rest)) {
		if stopWords[w] || len(w) < 2 {
			continue
		}
		out = append(out, Stem(w))
	}
	return out
}

// Stem returns the French stem of a folded word.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	return Fold(french.Stem(w, false))
}

// Words splits text into folded words, dropping elided articles (l', d', qu').
func Words(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		w := cur.String()
		cur.Reset()
		out = append(out, w)
	}
	for _, r := range Fold(text) {
		switch {
		case r == '\'':
			// Elision: "l'information", "qu'il", "jusqu'où".
			if w := cur.String(); elisions[w] {
				cur.Reset()
				continue
			}
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

var elisions = map[string]bool{
	"l": true, "d": true, "qu": true, "j": true, "n": true, "s": true, "t": true,
	"m": true, "c": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// Fold lower-cases and removes French diacritics.
func Fold(s string) string { return tutor.Fold(s) }

// stopWords are folded French function words, plus the words every question
// carries ("c'est quoi", "dis-moi") that say nothing about the topic.
var stopWords = toSet(`a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y est sont etre ete etait sera ont avoir fait faire peut peuvent doit doivent
quoi quel quelle quels quelles comment combien pourquoi quand ou est-ce cest c'est dis moi stp svp sil plait merci bonjour salut explique expliquer donne donner veux voudrais savoir ya il-y a-t-il t-il y-a
va vont aller allez faut faudrait dois doit devons devez on ayant avez ai as quelles quels
bts`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
