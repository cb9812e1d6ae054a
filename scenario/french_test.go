package scenario

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// elidable are the words that lose their vowel before another.
var elidable = map[string]bool{"de": true, "le": true, "la": true, "que": true, "ne": true, "je": true, "se": true, "me": true, "te": true,
	"jusque": true, "lorsque": true, "puisque": true}

// The French of every brief: elisions, contractions, articles, agreement
// and numerals, over every option combination.
func TestFrenchOfEveryBrief(t *testing.T) {
	units := map[string]bool{}
	for _, o := range allOffers() {
		first, _, _ := strings.Cut(o.Unit, " ")
		units[first] = true
	}
	// The genders of the spouse who joins, read where it is written.
	gender := regexp.MustCompile(`Le conjoint \(Mme|La conjointe \(M\.|\(Mme [^)]*\), absent |\(M\. [^)]*\), absente `)
	bodies := map[string]bool{"Mairie": true, "Communauté": true, "Lycée": true, "Base": true, "Résidence": true, "Association": true, "Comité": true, "Camping": true}
	preps := map[string]bool{"pour": true, "de": true, "chez": true, "avec": true, "à": true}
	// Word by word, not by patterns: the check runs on 1 500 briefs.
	sweep(t, func(b *Brief) {
		seed := b.Options.Seed
		prev, gap := "", ""
		for _, tok := range splitWords(b.Markdown()) {
			if tok.word == "" {
				gap = tok.sep
				continue
			}
			w, lw := tok.word, strings.ToLower(tok.word)
			r, _ := utf8.DecodeRuneInString(lw)
			switch {
			case gap == " " && elidable[prev] && lw != "à" && strings.ContainsRune("aeiouyéèêàâîôû", r):
				t.Errorf("seed %d, élision manquante : « %s %s »", seed, prev, w)
			case gap == " " && (prev == "à" || prev == "de") && (lw == "le" || lw == "les"):
				t.Errorf("seed %d, contraction manquante : « %s %s »", seed, prev, w)
			case gap == " " && preps[prev] && bodies[w]:
				t.Errorf("seed %d, article manquant : « %s %s »", seed, prev, w)
			case units[lw] && (gap == " 1 " || strings.HasSuffix(gap, " 1 ") && !strings.ContainsAny(gap[:len(gap)-3], "0123456789,  ")):
				t.Errorf("seed %d: « 1 %s » written with a figure for « un »", seed, w)
			}
			prev, gap = lw, ""
		}
		for _, p := range b.Jury.Parameters {
			if loc := gender.FindStringIndex(p.Change); loc != nil {
				t.Errorf("seed %d, genre : %q", seed, p.Change)
			}
		}
		// A woman is « elle » after a preposition.
		for _, p := range b.Jury.Parameters {
			if strings.Contains(p.Expected, "pour lui") && strings.Contains(p.Change, "Mme ") {
				t.Errorf("seed %d: « pour lui » about a woman: %s / %s", seed, p.Change, p.Expected)
			}
		}
	})
}

// Every unit of the catalogue has a known gender, so that one is « un » or
// « une ».
func TestEveryUnitHasAGender(t *testing.T) {
	for _, o := range allOffers() {
		first, _, _ := strings.Cut(o.Unit, " ")
		if !feminineUnits[first] && !masculineUnits[first] {
			t.Errorf("unit %q: gender unknown", o.Unit)
		}
	}
	for in, want := range map[string]string{"Optitech": "d'Optitech", "le lycée professionnel de Lyon": "du lycée professionnel de Lyon", "acheteur": "d'acheteur",
		"la mairie de Nantes": "de la mairie de Nantes", "Lyon": "de Lyon", "une cuisine": "d'une cuisine", "Le Mans": "du Mans"} {
		if got := de(in); got != want {
			t.Errorf("de(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Le Mans": "au Mans", "La Rochelle": "à La Rochelle", "Lyon": "à Lyon"} {
		if got := to(in); got != want {
			t.Errorf("to(%q) = %q, want %q", in, got, want)
		}
	}
	if quantity(1, "cuisine") != "une cuisine" || quantity(1, "moteur") != "un moteur" || quantity(3, "cuisine") != "3 cuisines" {
		t.Error("quantity")
	}
}

// token is a word, or the run of other characters between two words.
type token struct{ word, sep string }

// splitWords cuts a text into words (letters) and what separates them.
func splitWords(text string) []token {
	var out []token
	start, inWord := 0, false
	for i, r := range text {
		if letter := unicode.IsLetter(r); letter != inWord {
			if i > start {
				out = append(out, piece(text[start:i], inWord))
			}
			start, inWord = i, letter
		}
	}
	if start < len(text) {
		out = append(out, piece(text[start:], inWord))
	}
	return out
}

func piece(s string, word bool) token {
	if word {
		return token{word: s}
	}
	return token{sep: s}
}
