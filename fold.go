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
		switch r {
		case 'à', 'â', 'ä', 'á', 'À', 'Â', 'Ä', 'Á':
			b.WriteByte('a')
		case 'ç', 'Ç':
			b.WriteByte('c')
		case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
			b.WriteByte('e')
		case 'î', 'ï', 'Î', 'Ï':
			b.WriteByte('i')
		case 'ô', 'ö', 'Ô', 'Ö':
			b.WriteByte('o')
		case 'ù', 'û', 'ü', 'Ù', 'Û', 'Ü':
			b.WriteByte('u')
		case 'œ', 'Œ':
			b.WriteString("oe")
		case 'æ', 'Æ':
			b.WriteString("ae")
		case '’', '‘', '`':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
