package tutor

import (
	"strings"
	"unicode"
)

// Fold lower-cases and strips French diacritics; used for matching only.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		a, c := FoldRune(r)
		b.WriteRune(a)
		if c != 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// FoldRune folds one character: lower case, no diacritic, typographic
// apostrophes made straight. A ligature gives two letters ("œ" → 'o', 'e');
// otherwise the second is 0.
func FoldRune(r rune) (rune, rune) {
	switch r {
	case 'à', 'â', 'ä', 'á', 'À', 'Â', 'Ä', 'Á':
		return 'a', 0
	case 'ç', 'Ç':
		return 'c', 0
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e', 0
	case 'î', 'ï', 'Î', 'Ï':
		return 'i', 0
	case 'ô', 'ö', 'Ô', 'Ö':
		return 'o', 0
	case 'ù', 'û', 'ü', 'Ù', 'Û', 'Ü':
		return 'u', 0
	case 'œ', 'Œ':
		return 'o', 'e'
	case 'æ', 'Æ':
		return 'a', 'e'
	case '’', '‘', '`':
		return '\'', 0
	}
	return unicode.ToLower(r), 0
}
