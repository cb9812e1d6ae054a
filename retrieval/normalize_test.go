package retrieval

import (
	"slices"
	"strings"
	"testing"
)

func normalizer(t *testing.T) *Normalizer {
	t.Helper()
	x := index(t)
	n, err := NewNormalizer(x.Vocabulary(), func(w string) bool { return x.IDF(Stem(w)) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// How students write, and what the normaliser must read.
func TestNormalizeInformalFrench(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		in   string
		want string // folded words, in order
	}{
		{"c koi le coef de l'E4", "c est quoi le coefficient de l e4"},
		{"cb d'heures de gestion de projet par semaine", "combien d heures de gestion de projet hebdomadaire"},
		{"jsuis en 1ere annee, jdois ramener quoi ?", "je suis en premiere annee je dois ramener quoi"},
		{"c'est quoi le truc", "c est quoi le truc"}, // an apostrophe is not an SMS "c"
		{"jpasse l'oral en candidat libre", "je passe l oral en forme ponctuelle"},
		{"ouiiii stageee", "oui stage"},
		{"la prevition des ventes, le dictionaire", "la prevision des ventes le dictionnaire"},
		{"en b to c c possible ?", "en btoc particuliers c est possible"},
		{"maths fi poussées", "mathematiques financieres poussees"},
		{"j'en ai noté que 2", "j en ai retenu que 2"}, // written down, not graded
		{"l'info commerciale et la salle info", "l information commerciale et la salle informatique"},
		{"ils disent prospect", "ils disent prospect"},            // a common verb is no typo of "visent"
		{"elle est teleprospectrice", "elle est teleprospecteur"}, // a job in the feminine
	}
	for _, tt := range tests {
		if got := strings.Join(n.Normalize(tt.in).Words, " "); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeTopicAndExpansion(t *testing.T) {
	n := normalizer(t)
	got := n.Normalize("genre le jury il est composé comment en gros ? stp")
	topic := strings.Join(got.Topic, " ")
	for _, noise := range []string{"genre", "gros", "stp", "comment"} {
		if strings.Contains(" "+topic+" ", " "+noise+" ") {
			t.Errorf("topic %q keeps the noise word %q", topic, noise)
		}
	}
	if !strings.Contains(topic, "jury") {
		t.Errorf("topic %q lost the jury", topic)
	}
	if exp := strings.Join(got.Expansion, " "); !strings.Contains(exp, "commission") {
		t.Errorf("expansion %q: the jury is a commission in the texts", exp)
	}
	// What a student's own expression stands for is the question's focus;
	// what a word of the texts stands for only widens the search.
	if got := n.Normalize("on peut faire le dossier en binome ?"); !slices.Contains(got.Focus, "personnel") {
		t.Errorf("focus %q: « en binôme » is about a personal dossier", got.Focus)
	}
	if got := n.Normalize("le jury c'est qui"); len(got.Focus) != 0 {
		t.Errorf("focus %q: « jury » is a word of the texts", got.Focus)
	}
	// "jredouble": "je" and a word the lexicon knows, though the texts
	// write "doublants".
	if got := strings.Join(n.Normalize("jredouble ma 2e annee").Words, " "); !strings.HasPrefix(got, "je redouble") {
		t.Errorf("jredouble read as %q", got)
	}
	// "bloc 4" keeps its number for the index to read it as one term.
	if topic := n.Normalize("heures du bloc 4").Topic; strings.Join(topic, " ") != "heures bloc 4" {
		t.Errorf("topic = %q", topic)
	}
	if !n.Normalize("le jury c'est qui").Has("c est qui") || n.Normalize("le jury").Has("jury c") {
		t.Error("Has does not match whole words")
	}
}

// A word the corpus does not know is repaired to the closest one it does;
// a word it knows through its stem, a number or a short word are left alone.
func TestRepair(t *testing.T) {
	n := normalizer(t)
	got := n.Normalize("la relaton client et les vacanses, coute, canada, 2025, c grave, mon prof en a parle")
	if got.Repaired["relaton"] != "relation" || got.Repaired["vacanses"] != "vacances" {
		t.Errorf("repaired = %v", got.Repaired)
	}
	// Short words are French words more often than typos: "grave" is not
	// "grâce", "parle" is not "pare".
	for _, w := range []string{"coute", "canada", "2025", "grave", "parle"} {
		if fix, ok := got.Repaired[w]; ok {
			t.Errorf("%q repaired to %q", w, fix)
		}
	}
}

func TestLexiconIsWellFormed(t *testing.T) {
	for _, bad := range []string{
		"[mots]\ndeux mots => un",
		"[mots]\nsans fleche",
		"[inconnue]\na => b",
	} {
		n := &Normalizer{words: map[string][]string{}, noise: map[string]bool{}, known: map[string]bool{}}
		if err := n.parse(bad); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

func TestNumberedParts(t *testing.T) {
	got := strings.Join(Analyzer{}.Terms("Bloc de compétences N°4 : les heures du pôle d'activités 1, fonction deux", "dotted"), " ")
	for _, want := range []string{"bloc:4", "pole:1", "fonction:2"} {
		if !strings.Contains(got, want) {
			t.Errorf("terms %q lack %q", got, want)
		}
	}
}

// An agent noun and its action share a stem: "téléprospection" finds
// "téléprospecteur", "formation" finds "formateur"; short words keep theirs.
func TestStemJoinsAgentAndAction(t *testing.T) {
	for _, pair := range [][2]string{{"teleprospection", "teleprospecteur"}, {"formation", "formateur"}, {"prospection", "prospecteurs"}} {
		if a, b := Stem(pair[0]), Stem(pair[1]); a != b {
			t.Errorf("Stem(%s) = %s, Stem(%s) = %s", pair[0], a, pair[1], b)
		}
	}
	if Stem("secteur") == Stem("secte") || Stem("vendeur") != "vendeur" {
		t.Errorf("short agent nouns changed: %s %s", Stem("secteur"), Stem("vendeur"))
	}
}

// A pair of words is the same pair in either order: "en équipe ou seul"
// finds "seul ou en équipe".
func TestBigramsIgnoreOrder(t *testing.T) {
	a, b := Bigrams([]string{"equip", "seul"}), Bigrams([]string{"seul", "equip"})
	if len(a) != 1 || len(b) != 1 || a[0] != b[0] {
		t.Fatalf("%v and %v", a, b)
	}
}
