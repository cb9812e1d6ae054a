package tutor

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCanonicalCode(t *testing.T) {
	tests := []struct {
		in, style, want string
	}{
		{"C 31", StyleCompact, "C31"},
		{"c13", StyleCompact, "C13"},
		{"c13", StyleDotted, "C1.3"},
		{"C1.3", StyleDotted, "C1.3"},
		{"C4-1", StyleDotted, "C4.1"},
		{"C2-1", StyleDotted, "C2.1"},
		{"S 62.1", StyleCompact, "S621"},
		{"S62.1", StyleCompact, "S621"},
		{"S 511", StyleCompact, "S511"},
		{"A1.4T2", StyleDotted, "A1.4T2"},
		{"A1.1.T1", StyleDotted, "A1.1T1"},
		{"a1.5t4", StyleDotted, "A1.5T4"},
		{"e4", StyleDotted, "E4"},
		{"U61", StyleDotted, "U61"},
		{"U 5", StyleCompact, "U5"},
		{"EF1", StyleDotted, "EF1"},
		{"uf2", StyleCompact, "UF2"},
		{"bonjour", StyleDotted, ""},
		{"B2", StyleDotted, ""},
		{"", StyleDotted, ""},
		{"C3PO", StyleDotted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+tt.style, func(t *testing.T) {
			if got := CanonicalCode(tt.in, tt.style); got != tt.want {
				t.Errorf("CanonicalCode(%q, %s) = %q, want %q", tt.in, tt.style, got, tt.want)
			}
		})
	}
}

func TestFindCodesInText(t *testing.T) {
	text := "C 31 Intégrer les dimensions ; S 511 - Le prix ; C4Prendre ; niveau B2 ; 4 h ; E4 - COMMUNICATION"
	var got []string
	for _, m := range FindCodes(text, StyleCompact) {
		got = append(got, m.Canonical)
	}
	want := []string{"C31", "S511", "C4", "E4"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("FindCodes = %v, want %v", got, want)
	}
}

func TestCodeCandidates(t *testing.T) {
	if got, want := CodeCandidates("c13"), []string{"C13", "C1.3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CodeCandidates(c13) = %v, want %v", got, want)
	}
	// A separator says the likelier style; the other reading comes second
	// ("c 4-3" is how students write the NRC's C43).
	if got, want := CodeCandidates("C1.3"), []string{"C1.3", "C13"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CodeCandidates(C1.3) = %v, want %v", got, want)
	}
	if got, want := CodeCandidates("c-11"), []string{"C11", "C1.1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CodeCandidates(c-11) = %v, want %v", got, want)
	}
	if got, want := CodeCandidates("S 62.1"), []string{"S621", "S62.1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CodeCandidates(S 62.1) = %v, want %v", got, want)
	}
	if got, want := CodeCandidates("E4"), []string{"E4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CodeCandidates(E4) = %v, want %v", got, want)
	}
}

// FindCodes tries its pattern only where a code may start; it must find
// exactly what the same pattern, unanchored, finds over a whole text.
func TestFindCodesAsUnanchoredPattern(t *testing.T) {
	whole := regexp.MustCompile(strings.Replace(codeRe.String(), "^(?i)", `(?i)\b`, 1))
	reference := func(text string) []CodeMatch {
		var out []CodeMatch
		for _, m := range whole.FindAllStringSubmatchIndex(text, -1) {
			if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			if m[1] < len(text) && text[m[1]] >= '0' && text[m[1]] <= '9' {
				continue
			}
			out = append(out, CodeMatch{Raw: text[m[0]:m[1]], Start: m[0], End: m[1]})
		}
		return out
	}
	texts := []string{"", "c", "E4s et c-11, C4-1 ; S 62.1 S 5111 C3PO activités 1 _c1 éc2 A1.4T2 a 2.1 t3 UF2EF1"}
	for _, name := range []string{"bts-ccst-referentiel.md", "bts-nrc-referentiel.txt"} {
		b, err := os.ReadFile(filepath.Join("corpus", "texts", name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "CSEUAFTcsteuaf0123456789 .-_é\n"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		want := reference(text)
		var got []CodeMatch
		for _, m := range FindCodes(text, StyleCompact) {
			got = append(got, CodeMatch{Raw: m.Raw, Start: m.Start, End: m.End})
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.80q:\n got %v\nwant %v", text, got, want)
		}
	}
}
