package tutor

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Code styles: how a référentiel writes its codes.
const (
	StyleCompact = "compact" // BTS NRC: C31, S511, S621
	StyleDotted  = "dotted"  // BTS CCST: C1.3, C4.1, A1.4T2
)

// codeRe finds code-like tokens in free text: C 31, c13, C4-1, S 62.1, c-11,
// C.31, A1.1.T1, A1.4T2, a 2.1 t3, E4, U61, EF1, UF2, F1. It is deliberately
// narrow on the prefix letters so that ordinary words and levels such as "B2"
// do not match.
//
// It is anchored: FindCodes tries it only where a code may start, a prefix
// letter at a word boundary, which is a few times faster than letting the
// engine try every position of a long text.
var codeRe = regexp.MustCompile(`^(?i)(EF|UF|[CSEUAF])[\s.\-]?(\d{1,3}(?:\s?[.\-]\s?\d{1,2}){0,2})(?:\.?\s?(T)\s?(\d))?`)

// maxCodeLen bounds a code as codeRe reads it ("UF 123 . 12 . 12 . T 1").
const maxCodeLen = 32

// CodeMatch is one code found in a text.
type CodeMatch struct {
	Raw       string // as written
	Start     int    // byte offsets in the text
	End       int
	Prefix    string // upper-case letters: C, S, E, U, A, EF, UF, F
	Canonical string // canonical form in the requested style
}

// FindCodes returns the codes written in text, canonicalised in style.
// It never fails; text without codes gives nil.
func FindCodes(text, style string) []CodeMatch {
	var out []CodeMatch
	for i := 0; i < len(text); i++ {
		if !codeStart(text, i) {
			continue
		}
		window := text[i:min(len(text), i+maxCodeLen)]
		m := codeRe.FindStringSubmatchIndex(window)
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		i = m[1] - 1 // matches do not overlap
		// A code follows no letter: "activités 1" must not read "s 1" as one.
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue
		}
		end := m[1]
		// Reject a match glued to more digits ("S 5111") or followed by a
		// letter that makes it a word ("E4s" is fine, "C3PO" is not a code).
		if end < len(text) && text[end] >= '0' && text[end] <= '9' {
			continue
		}
		prefix := strings.ToUpper(text[m[2]:m[3]])
		num := text[m[4]:m[5]]
		task := ""
		if m[8] >= 0 {
			task = text[m[8]:m[9]]
		}
		out = append(out, CodeMatch{
			Raw:       text[m[0]:end],
			Start:     m[0],
			End:       end,
			Prefix:    prefix,
			Canonical: canonical(prefix, num, task, style),
		})
	}
	return out
}

// codeStart reports whether a code may start at byte i: a prefix letter at
// an ASCII word boundary, then a digit, maybe after one separator. Most
// words of a text fail it at once, without running the pattern.
func codeStart(text string, i int) bool {
	if i > 0 && isASCIIWord(text[i-1]) {
		return false
	}
	j := i + 1
	switch text[i] {
	case 'C', 'S', 'A', 'c', 's', 'a':
	case 'E', 'U', 'e', 'u':
		if j < len(text) && (text[j] == 'F' || text[j] == 'f') {
			j++ // EF, UF; or E, U followed by F1, which the pattern sorts out
		}
	case 'F', 'f':
	default:
		return false
	}
	if j < len(text) && strings.IndexByte(" \t\n\f\r.-", text[j]) >= 0 {
		j++
	}
	return j < len(text) && text[j] >= '0' && text[j] <= '9'
}

func isASCIIWord(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// CanonicalCode canonicalises one code as written by a user or a text, in
// style. It returns "" when s is not a code.
func CanonicalCode(s, style string) string {
	s = strings.TrimSpace(s)
	ms := FindCodes(s, style)
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(s) {
		return ""
	}
	return ms[0].Canonical
}

// CodeCandidates returns every canonical form a user's code may stand for,
// across styles, the likelier first: "c13" may be the NRC's C13 or the
// CCST's C1.3; written with a separator ("C1.3", "C4-1") it is first read
// dotted, but students also write the NRC's C43 "c 4-3"; "S 62.1" is first
// the NRC's compact S621.
func CodeCandidates(s string) []string {
	styles := []string{StyleCompact, StyleDotted}
	if ExplicitStyle(s) {
		if ms := FindCodes(s, StyleDotted); len(ms) != 1 || ms[0].Prefix != "S" {
			styles = []string{StyleDotted, StyleCompact}
		}
	}
	var out []string
	for _, style := range styles {
		if c := CanonicalCode(s, style); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// ExplicitStyle reports whether a code as written says its style: a
// separator between its digits ("C1.3", "C4-1", "S 62.1"), not after its
// letter ("c-11", "C.31").
func ExplicitStyle(s string) bool {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	return i >= 0 && strings.ContainsAny(s[i:], ".-")
}

func canonical(prefix, num, task, style string) string {
	num = strings.Map(func(r rune) rune {
		switch r {
		case ' ':
			return -1
		case '-':
			return '.'
		}
		return r
	}, num)
	dottable := prefix == "C" || prefix == "A"
	switch {
	case style == StyleCompact:
		num = strings.ReplaceAll(num, ".", "")
	case dottable && !strings.Contains(num, ".") && len(num) >= 2:
		// CCST writes C1.3 and A1.4: a user typing "c13" means C1.3.
		num = num[:1] + "." + num[1:]
	}
	code := prefix + num
	if task != "" {
		code += "T" + task
	}
	return code
}

// CodePrefixName names the kind of thing a code prefix stands for, in French.
func CodePrefixName(prefix string) string {
	switch prefix {
	case "C":
		return "compétence"
	case "S":
		return "savoir"
	case "E", "EF":
		return "épreuve"
	case "U", "UF":
		return "unité"
	case "A":
		return "activité"
	case "F":
		return "fonction"
	}
	return "code"
}
