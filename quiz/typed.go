package quiz

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	tutor "github.com/btstutor/tutor"
)

// Typed answers are read as a student types them on a phone: "4", "coef 4",
// "quatre", "1,5"; "4h", "4 heures", "1h30", "une heure et demie",
// "40 min", "240 minutes". A typed answer that holds no figure, two
// different figures or a duration without its unit is refused with the
// reason, and counts for nothing.

// maxTyped bounds a typed answer, in bytes.
const maxTyped = 80

// ErrTyped is the error of an answer that cannot be read; its message says
// what to type.
var ErrTyped = errors.New("réponse illisible")

// Check reports whether a typed answer is the item's. The error, when the
// answer cannot be read, is shown to the student, who may try again.
func (it *Item) Check(input string) (bool, error) {
	if !it.Typed {
		return false, fmt.Errorf("%w : cette question se répond avec les boutons", ErrTyped)
	}
	want, err := parseTyped(it.Kind, it.Answer())
	if err != nil {
		return false, err
	}
	got, err := parseTyped(it.Kind, input)
	if err != nil {
		return false, err
	}
	return math.Abs(got-want) < 1e-9, nil
}

// parseTyped reads a typed figure: a coefficient as a number, a duration in
// minutes.
func parseTyped(kind, input string) (float64, error) {
	if len(input) > maxTyped {
		return 0, fmt.Errorf("%w : réponse trop longue (%d caractères au plus)", ErrTyped, maxTyped)
	}
	toks := typedTokens(input)
	switch kind {
	case KindCoefTyped:
		return parseCoef(toks)
	case KindDurTyped:
		return parseMinutes(toks)
	}
	return 0, fmt.Errorf("%w : type de question inconnu %q", ErrTyped, kind)
}

// reTypedToken splits an answer into numbers and words.
var reTypedToken = regexp.MustCompile(`\d+(?:[.,]\d+)?|\pL+`)

// typedToken is a number (num set) or a word.
type typedToken struct {
	word string
	num  float64
	isN  bool
}

func typedTokens(input string) []typedToken {
	var out []typedToken
	for _, t := range reTypedToken.FindAllString(strings.ToLower(tutor.Fold(input)), -1) {
		if n, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64); err == nil {
			out = append(out, typedToken{num: n, isN: true})
			continue
		}
		if n, ok := numberWords[t]; ok {
			out = append(out, typedToken{num: n, isN: true})
			continue
		}
		out = append(out, typedToken{word: t})
	}
	return out
}

// numberWords are the numbers a student may spell out.
var numberWords = map[string]float64{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
	"onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}

func parseCoef(toks []typedToken) (float64, error) {
	found, n := false, 0.0
	for i, t := range toks {
		if !t.isN {
			continue
		}
		v := t.num
		if i+2 < len(toks) && toks[i+1].word == "et" && toks[i+2].word == "demi" {
			v += 0.5 // "un et demi"
		}
		if found && v != n {
			return 0, fmt.Errorf("%w : tapez un seul coefficient, par exemple « 4 » ou « 1,5 »", ErrTyped)
		}
		found, n = true, v
	}
	if !found {
		return 0, fmt.Errorf("%w : tapez le coefficient en chiffres, par exemple « 4 » ou « 1,5 »", ErrTyped)
	}
	return n, nil
}

// Units of a duration, in minutes.
var minuteUnits = map[string]float64{
	"h": 60, "heure": 60, "heures": 60, "hr": 60, "hrs": 60, "hres": 60,
	"min": 1, "mn": 1, "mins": 1, "minute": 1, "minutes": 1, "m": 1,
}

func parseMinutes(toks []typedToken) (float64, error) {
	total, seen := 0.0, false
	var pending *float64 // a number waiting for its unit
	afterHours := false  // "1h30": the number after hours is minutes
	for i, t := range toks {
		switch {
		case t.isN && pending != nil && *pending >= 20 && t.num < 10:
			*pending += t.num // "quarante-cinq"
		case t.isN:
			if pending != nil {
				return 0, errDuration
			}
			v := t.num
			pending = &v
		case t.word == "ou":
			return 0, fmt.Errorf("%w : tapez une seule durée", ErrTyped)
		case minuteUnits[t.word] > 0:
			if pending == nil {
				continue // "min" alone, "h" of "h30"
			}
			total += *pending * minuteUnits[t.word]
			afterHours = minuteUnits[t.word] == 60
			pending, seen = nil, true
		case (t.word == "demi" || t.word == "demie") && i > 0 && toks[i-1].word == "et" && afterHours:
			total += 30 // "une heure et demie"
		}
	}
	if pending != nil {
		if !afterHours {
			return 0, fmt.Errorf("%w : précisez l'unité, par exemple « 2 h » ou « 40 min »", ErrTyped)
		}
		total += *pending // "1h30"
	}
	if !seen {
		return 0, errDuration
	}
	return total, nil
}

var errDuration = fmt.Errorf("%w : tapez une durée, par exemple « 2 h », « 1 h 30 » ou « 40 min »", ErrTyped)
