package scenario

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The small layer of French grammar the briefs need: elision ("le devis
// d'Optitech", "rôle d'acheteur"), contraction ("au Mans", "du lycée"),
// articles and the gender of the units ("une cuisine", not "1 cuisine").

// hMuet are the words whose "h" is silent: they elide like a vowel.
var hMuet = map[string]bool{"habitat": true, "habitation": true, "hôtel": true, "hôpital": true, "homme": true, "heure": true, "huile": true, "hygiène": true, "hypermarché": true, "hébergement": true, "histoire": true}

// elides reports whether a word or name takes "d'", "l'", "qu'" before it.
func elides(x string) bool {
	word, _, _ := strings.Cut(strings.ToLower(x), " ")
	r, _ := utf8.DecodeRuneInString(word)
	return strings.ContainsRune("aeiouyàâäéèêëîïôöûüù", r) || hMuet[word]
}

// de joins "de" to a noun phrase: "d'Optitech", "du lycée", "des Sables",
// "de la mairie", "de Lyon".
func de(x string) string {
	switch {
	case strings.HasPrefix(x, "le "), strings.HasPrefix(x, "Le "):
		return "du " + x[3:]
	case strings.HasPrefix(x, "les "), strings.HasPrefix(x, "Les "):
		return "des " + x[4:]
	case elides(x):
		return "d'" + x
	}
	return "de " + x
}

// to joins "à" to a noun phrase: "au Mans", "aux Sables", "à La Rochelle",
// "à l'association".
func to(x string) string {
	switch {
	case strings.HasPrefix(x, "le "), strings.HasPrefix(x, "Le "):
		return "au " + x[3:]
	case strings.HasPrefix(x, "les "), strings.HasPrefix(x, "Les "):
		return "aux " + x[4:]
	}
	return "à " + x
}

// lowerFirst puts the first letter in lower case, as after a colon: « style
// pressé : le candidat… »; a person named (« M. Faure ») keeps it.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || strings.HasPrefix(s, "M. ") || strings.HasPrefix(s, "Mme ") {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// capFirst puts the first letter in capitals, as a sentence starts.
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// feminineUnits are the units of the catalogue that are feminine; every
// unit's first word is either here or in masculineUnits (a test holds the
// catalogue to it).
var feminineUnits = map[string]bool{"annexe": true, "armoire": true, "autolaveuse": true, "baie": true, "banderoleuse": true, "batterie": true, "borne": true,
	"bâche": true, "cabine": true, "caméra": true, "centrale": true, "cercleuse": true, "chaudière": true, "cuisine": true,
	"fermeuse": true, "fontaine": true, "installation": true, "licence": true, "ligne": true, "machine": true, "monobrosse": true,
	"palette": true, "pompe": true, "porte": true, "rectifieuse": true, "rénovation": true, "scie": true, "semaine": true,
	"servante": true, "session": true, "table": true, "tenue": true, "tondeuse": true, "travée": true, "trottinette": true}

var masculineUnits = map[string]bool{"adoucisseur": true, "appareil": true, "aspirateur": true, "bac": true, "ballon": true, "carton": true, "casque": true,
	"chantier": true, "chariot": true, "chauffe-eau": true, "combiné": true, "compresseur": true, "diable": true,
	"distributeur": true, "détecteur": true, "ensemble": true, "extincteur": true, "forfait": true, "gerbeur": true, "gilet": true,
	"hayon": true, "incident": true, "kit": true, "lot": true, "luminaire": true, "mitigeur": true, "module": true, "moteur": true,
	"m³": true, "nettoyeur": true, "onduleur": true, "plan": true, "poste": true, "poêle": true, "purificateur": true,
	"robinet": true, "rouleau": true, "récupérateur": true, "seau": true, "siège": true, "smartphone": true, "système": true,
	"sécheur": true, "tableau": true, "touret": true, "transpalette": true, "véhicule": true, "vélo": true, "îlot": true}

// feminine reports whether a unit is feminine, by its first word.
func feminine(unit string) bool {
	first, _, _ := strings.Cut(unit, " ")
	return feminineUnits[first]
}

// quantity is "20 robinets", "une cuisine", "un moteur", "0 incident de
// paiement".
func quantity(n int, unit string) string {
	if n == 1 && unit != "m³" {
		if feminine(unit) {
			return "une " + unit
		}
		return "un " + unit
	}
	return fmt.Sprint(n) + " " + plural(unit, n)
}
