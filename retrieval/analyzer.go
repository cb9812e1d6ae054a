// Package retrieval finds the passages of the référentiels that answer a
// query: a French analyser, a lexical BM25 ranking, a vector ranking held in
// chromem-go (with a local, offline embedder by default), and their fusion with
// a boost for exact code matches.
package retrieval

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	tutor "github.com/btstutor/tutor"
	"github.com/kljensen/snowball/french"
)

// codeTermPrefix marks index terms that stand for a canonical code.
const codeTermPrefix = "#"

// Analyzer turns French text into index terms: codes canonicalised, case and
// accents folded, elisions removed, stop words dropped, words stemmed, and a
// numbered part ("bloc 4", "pôle 1", "fonction 2") kept as one term.
//
// The zero Analyzer is ready to use; an index's own (NewAnalyzer) memoises
// the stems of the words it meets.
type Analyzer struct {
	stems *stemCache
}

// NewAnalyzer is an Analyzer that memoises stems: indexing stems every word
// of the texts, most of them many times (40 % of an index build without it).
func NewAnalyzer() Analyzer { return Analyzer{stems: &stemCache{}} }

// stemCache holds at most maxStems words, so that no input can make it grow
// without end.
type stemCache struct {
	m    sync.Map
	held atomic.Int64
}

const maxStems = 200_000

func (a Analyzer) stem(w string) string {
	if a.stems == nil || len(w) <= 3 {
		return Stem(w)
	}
	if st, ok := a.stems.m.Load(w); ok {
		return st.(string)
	}
	st := Stem(w)
	if a.stems.held.Add(1) <= maxStems {
		a.stems.m.Store(w, st)
	}
	return st
}

// Terms analyses text whose codes are written in style, in text order. With
// style "" (a user's query) every plausible reading of a code is kept.
func (a Analyzer) Terms(text, style string) []string {
	findStyle := style
	if findStyle == "" {
		findStyle = tutor.StyleCompact
	}
	type at struct {
		pos   int
		terms []string
	}
	var codes []at
	rest := []byte(text)
	for _, m := range tutor.FindCodes(text, findStyle) {
		var ts []string
		if style == "" {
			for _, c := range tutor.CodeCandidates(m.Raw) {
				ts = append(ts, CodeTerm(c))
			}
		} else {
			ts = append(ts, CodeTerm(m.Canonical))
		}
		codes = append(codes, at{m.Start, ts})
		// Blank the code out so that "C1.3" does not also yield "c1" and "3".
		for i := m.Start; i < m.End; i++ {
			rest[i] = ' '
		}
	}
	var out []string
	words := wordsAt(string(rest))
	ci, skip := 0, 0
	for i, w := range words {
		for ci < len(codes) && codes[ci].pos <= w.pos {
			out = append(out, codes[ci].terms...)
			ci++
		}
		if i < skip {
			continue
		}
		if n := numberedPart(words, i); n != "" {
			out = append(out, n)
		}
		if t, n := market(words, i); t != "" {
			out, skip = append(out, t), i+n
			continue
		}
		if stopWords[w.text] || len(w.text) < 2 {
			continue
		}
		out = append(out, a.stem(w.text))
	}
	for ; ci < len(codes); ci++ {
		out = append(out, codes[ci].terms...)
	}
	return out
}

// market reads "B to B", "BtoB", "B2B" (and B to C) as one term, "btob"
// ("btoc"), and says how many words it took: its letters alone say nothing.
func market(words []posWord, i int) (string, int) {
	switch w := words[i].text; {
	case w == "btob" || w == "b2b":
		return "btob", 1
	case w == "btoc" || w == "b2c":
		return "btoc", 1
	case w == "b" && i+2 < len(words) && words[i+1].text == "to" && (words[i+2].text == "b" || words[i+2].text == "c"):
		return "bto" + words[i+2].text, 3
	}
	return "", 0
}

// CodeTerm is the index term of a canonical code.
func CodeTerm(code string) string { return codeTermPrefix + strings.ToLower(code) }

// numberedHeads are the words that number a part of a référentiel.
var numberedHeads = map[string]bool{"bloc": true, "blocs": true, "pole": true, "poles": true, "fonction": true, "situation": true, "partie": true, "annexe": true}

// numberedFill may stand between such a word and its number: "bloc de
// compétences n° 4", "pôle d'activités 1".
var numberedFill = map[string]bool{"de": true, "des": true, "competences": true, "competence": true, "activites": true, "activite": true, "n": true, "no": true, "numero": true, "d": true, "evaluation": true}

// ordinals number a part before its name: "première partie", "2ème situation".
var ordinals = map[string]string{
	"premiere": "1", "premier": "1", "1ere": "1", "1er": "1", "1re": "1",
	"deuxieme": "2", "seconde": "2", "second": "2", "2eme": "2", "2e": "2", "2nde": "2",
	"troisieme": "3", "3eme": "3", "3e": "3", "quatrieme": "4", "4eme": "4", "4e": "4",
}

// numberedPart returns "bloc:4" when words[i] is such a head followed by a
// number, or preceded by an ordinal ("deuxième situation"), else "".
func numberedPart(words []posWord, i int) string {
	head := strings.TrimSuffix(words[i].text, "s")
	if !numberedHeads[words[i].text] {
		return ""
	}
	if i > 0 {
		if n, ok := ordinals[words[i-1].text]; ok {
			return head + ":" + n
		}
	}
	for j := i + 1; j < len(words) && j <= i+4; j++ {
		w := words[j].text
		if numberedFill[w] {
			continue
		}
		if n := romanOrNumber(w); n != "" {
			return head + ":" + n
		}
		return ""
	}
	return ""
}

func romanOrNumber(w string) string {
	if len(w) <= 2 && strings.Trim(w, "0123456789") == "" {
		return strings.TrimLeft(w, "0")
	}
	if r, ok := map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "un": "1", "deux": "2", "trois": "3", "quatre": "4"}[w]; ok {
		return r
	}
	return ""
}

type posWord struct {
	text string
	pos  int // byte offset in the source text
}

// wordsAt is Words with each word's position.
func wordsAt(text string) []posWord {
	var out []posWord
	var cur strings.Builder
	start := -1
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, posWord{cur.String(), start})
			cur.Reset()
		}
		start = -1
	}
	for i, r := range text {
		a, b := tutor.FoldRune(r)
		switch {
		case a == '\'':
			if w := cur.String(); elisions[w] {
				cur.Reset()
				start = -1
				continue
			}
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			cur.WriteRune(a)
			if b != 0 {
				cur.WriteRune(b)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// Bigrams pairs adjacent word terms (codes and numbered parts excluded), for
// phrase matching: "gestion projet", "relation client".
func Bigrams(terms []string) []string {
	var out []string
	for i := 0; i+1 < len(terms); i++ {
		a, b := terms[i], terms[i+1]
		if isWordTerm(a) && isWordTerm(b) && a != b {
			// A pair in either order: "en équipe ou seul" is "seul ou
			// en équipe".
			if a > b {
				a, b = b, a
			}
			out = append(out, bigramPrefix+a+" "+b)
		}
	}
	return out
}

const bigramPrefix = "2:"

func isWordTerm(t string) bool {
	return !strings.HasPrefix(t, codeTermPrefix) && !strings.Contains(t, ":")
}

// Stem returns the French stem of a folded word.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	return agentless(Fold(french.Stem(w, false)))
}

// agentless joins an agent noun to its action: the French stemmer reads
// "prospection" as "prospect" but keeps "prospecteur", "formateur" whole.
func agentless(st string) string {
	if strings.HasSuffix(st, "eur") && len(st) >= 8 {
		return st[:len(st)-3]
	}
	return st
}

// Words splits text into folded words, dropping elided articles (l', d', qu').
func Words(text string) []string {
	ws := wordsAt(text)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
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
entre chez vers
bts`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
