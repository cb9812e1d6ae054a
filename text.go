package tutor

import (
	"strings"
	"unicode/utf8"
)

// Clip shortens s to at most n characters (runes), marking the cut with an
// ellipsis. It cuts at a line end, or else at a space, when one is in the
// second half; a word is cut only when none is.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	if n <= 1 {
		return string(r[:max(n, 0)])
	}
	cut := n - 1
	for i := cut - 1; i > cut/2; i-- {
		if r[i] == '\n' {
			return strings.TrimRight(string(r[:i]), " \n") + "\n…"
		}
	}
	for i := cut; i > cut/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:–-\n") + "…"
}
