package scenario

// French formatting of money, quantities and percentages.

import (
	"fmt"
	"strings"
)

// money shows a unit price: HT for professionals, TTC first for households.
func (w *writer) money(ht Cents) string {
	if w.o.Client == ClientParticulier {
		return fmt.Sprintf("%s TTC (%s HT)", ht+pct(ht, w.b.Pricing.TVA), ht)
	}
	return ht.String() + " HT"
}

// budget is the parameter where the buyer announces a budget of u per unit.
func (w *writer) budget(u Cents) string {
	q, unit := w.b.Pricing.Quantity, w.offer.Unit
	if q == 1 {
		return fmt.Sprintf("L'acheteur annonce un budget de %s.", w.money(u))
	}
	return fmt.Sprintf("L'acheteur annonce un budget de %s pour %s (%s par %s).", w.money(u*Cents(q)), quantity(q, unit), w.money(u), unit)
}

// plural puts a unit in the plural for n > 1 ("borne" → "bornes",
// "lot de 10 outils" → "lots de 10 outils"): the first word takes the mark.
func plural(unit string, n int) string {
	if n <= 1 || unit == "m³" {
		return unit
	}
	first, rest, _ := strings.Cut(unit, " ")
	switch {
	case strings.HasSuffix(first, "s") || strings.HasSuffix(first, "x"):
	case strings.HasSuffix(first, "eau"):
		first += "x"
	default:
		first += "s"
	}
	if rest != "" {
		return first + " " + rest
	}
	return first
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// pctStr formats a percentage the French way: "12,5 %".
func pctStr(v float64) string { return decimal(v, 2) + " %" }

// decimal formats v with at most n decimals and a comma.
func decimal(v float64, n int) string {
	s := fmt.Sprintf("%.*f", n, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", ",", 1)
}

// tvaLabel is the rate of TVA as a price states it: « TVA 20 % », with
// why a reduced rate applies, or why there is none.
func (w *writer) tvaLabel() string {
	if w.offer.TVAExempt {
		return "exonéré de TVA" + tvaNote(w.offer)
	}
	return "TVA " + pctStr(w.b.Pricing.TVA) + tvaNote(w.offer)
}

// exemptNote says why a key's TVA is nil.
func (w *writer) exemptNote() string {
	if w.offer.TVAExempt {
		return " (exonération)"
	}
	return ""
}

// payLabel names what the client pays in the end: "net à payer TTC", or
// without TVA for an exempt offer.
func (w *writer) payLabel() string {
	if w.offer.TVAExempt {
		return "Net à payer (sans TVA)"
	}
	return "Net à payer TTC"
}

// ttc marks a price that includes TVA, or that has none to include.
func (w *writer) ttc() string {
	if w.offer.TVAExempt {
		return "sans TVA"
	}
	return "TTC"
}

// costLabel names the unit cost: a reseller buys what it sells (coût
// d'achat); a maker or a service provider produces it (coût de revient).
func (w *writer) costLabel() string {
	a := w.b.Context.Activity
	for _, maker := range []string{"fabricant", "brasserie", "confiturerie", "organisme", "éditeur"} {
		if strings.Contains(a, maker) {
			return "Coût de revient"
		}
	}
	if w.offer.Service {
		return "Coût de revient"
	}
	return "Coût d'achat"
}

func tvaNote(o Offer) string {
	if o.TVANote == "" {
		return ""
	}
	return " : " + o.TVANote
}
