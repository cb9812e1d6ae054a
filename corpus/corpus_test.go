package corpus

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	tutor "github.com/btstutor/tutor"
)

// shared is the embedded texts parsed once for the tests that only read them.
var shared = sync.OnceValues(func() (*Corpus, error) { return Load() })

func load(t *testing.T) *Corpus {
	t.Helper()
	c, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Every compétence code written in the texts is in the model, with its title.
func TestCompetencesMatchTexts(t *testing.T) {
	t.Parallel()
	c := load(t)
	want := map[string]map[string]string{
		"CCST": {
			"C1.1": "Préparer une négociation technique et commerciale", "C1.2": "Conseiller, prescrire et communiquer tout au long du processus de négociation",
			"C1.3": "Gérer le risque affaire et le risque client", "C1.4": "Mettre en œuvre l'entretien de vente technico-commercial",
			"C1.5": "Assurer le suivi d'une affaire", "C2.1": "Recruter et former des collaborateurs", "C2.2": "Animer un réseau",
			"C2.3": "Analyser les parcours pour optimiser l'expérience client", "C2.4": "Evaluer la performance commerciale",
			"C3.1": "Préparer, conduire et évaluer une action de prospection", "C3.2": "Participer à la définition et à la valorisation de l'offre",
			"C3.3": "Contribuer à la réalisation d'actions promotionnelles et/ou évènementielles", "C3.4": "Créer et développer une relation client durable",
			"C4.1": "Réaliser une veille concurrentielle et sectorielle", "C4.2": "Analyser les besoins d'un secteur/d'un segment",
			"C4.3": "Produire des solutions technico-commerciales pour un segment cible", "C4.4": "Mettre en œuvre une formation technique pour le segment cible",
		},
		"NRC": {
			"C1": "Exploiter et partager l’information commerciale", "C11": "Se situer dans le système d’information de l’organisation",
			"C12": "Produire de l’information", "C13": "Partager l’information dans une logique de réseau",
			"C2": "Organiser, planifier et gérer l’activité commerciale", "C21": "Délimiter le cadre organisationnel",
			"C211": "Intégrer l’organisation commerciale", "C212": "Se situer dans l’équipe de vente",
			"C22": "Organiser son activité commerciale et celle de son équipe", "C221": "Organiser l’allocation des ressources sous contraintes",
			"C222": "Construire une organisation individuelle ou collective cohérente", "C3": "Communiquer - négocier",
			"C31": "Intégrer les dimensions et indicateurs de la relation", "C311": "Prendre en compte la dimension sociologique",
			"C312": "Prendre en compte la dimension inter - personnelle", "C313": "Déduire les conditions optimales de la relation et ses enjeux",
			"C32": "Construire une communication", "C321": "Préparer la communication", "C322": "Communiquer",
			"C323": "Analyser l’interaction et en tirer des conclusions", "C33": "Maîtriser la relation",
			"C4": "Prendre des décisions commerciales", "C41": "Délimiter le cadre décisionnel", "C42": "Prendre une décision", "C43": "Anticiper et réagir",
		},
	}
	for dip, comps := range want {
		m := c.Doc(dip).Model
		if got := len(m.Competences); got != len(comps) {
			t.Errorf("%s: %d compétences, want %d", dip, got, len(comps))
		}
		for code, title := range comps {
			comp, ok := m.Competence(code)
			if !ok {
				t.Errorf("%s: compétence %s missing", dip, code)
				continue
			}
			if comp.Title != title {
				t.Errorf("%s %s: title %q, want %q", dip, code, comp.Title, title)
			}
			if !strings.Contains(c.Doc(dip).Text, strings.Fields(title)[0]) {
				t.Errorf("%s %s: title not in the text", dip, code)
			}
		}
	}
}

// Every épreuve's coefficient and ponctuelle duration is the one in the texts.
func TestEpreuvesMatchTexts(t *testing.T) {
	t.Parallel()
	c := load(t)
	type ep struct{ coef, form, duration, prep string }
	want := map[string]map[string]ep{
		"CCST": {
			"E1": {"3", "Ponctuelle Écrite", "4 h", ""}, "E2": {"3", "", "", ""},
			"E21": {"1,5", "Ponctuelle Écrite", "2 h", ""}, "E22": {"1,5", "Ponctuelle Orale", "20 min", "20 min"},
			"E3": {"3", "Ponctuelle Écrite", "4 h", ""}, "E4": {"6", "Ponctuelle orale", "1 h", "1 h"},
			"E5": {"4", "Ponctuelle Écrite", "4 h", ""}, "E6": {"6", "", "", ""},
			"U61": {"3", "Ponctuelle orale", "30 min", ""}, "U62": {"3", "Ponctuelle orale", "30 min", ""},
			"EF1": {"", "Ponctuelle orale", "20 min", "20 min"}, "EF2": {"", "Ponctuelle orale", "20 min", ""}, "EF3": {"", "Ponctuelle orale", "20 min", ""},
		},
		"NRC": {
			"E1": {"3", "Ponctuelle écrite", "4 h", ""}, "E2": {"3", "Ponctuelle orale", "30 min", "30 min"},
			"E3": {"3", "Ponctuelle écrite", "4 h", ""}, "E4": {"4", "Ponctuelle orale", "40 min", "40 min"},
			"E5": {"4", "Ponctuelle écrite", "5 h", ""}, "E6": {"4", "Ponctuelle pratique", "1 h", ""},
			"EF1": {"2", "Ponctuelle orale", "20 min", ""},
		},
	}
	for dip, eps := range want {
		m := c.Doc(dip).Model
		for code, w := range eps {
			e, ok := m.Epreuve(code)
			if !ok {
				t.Errorf("%s: épreuve %s missing", dip, code)
				continue
			}
			got := ep{e.Coef, e.Form, e.Duration, e.Preparation}
			if got != w {
				t.Errorf("%s %s = %+v, want %+v", dip, code, got, w)
			}
		}
	}
	e4, _ := c.Doc("CCST").Model.Epreuve("E4")
	if strings.Join(e4.Competences, ",") != "C1.1,C1.2,C1.3,C1.4,C1.5" || len(e4.Criteres) != 10 {
		t.Errorf("CCST E4 compétences %v, %d critères", e4.Competences, len(e4.Criteres))
	}
	n4, _ := c.Doc("NRC").Model.Epreuve("E4")
	if !slices.Contains(n4.Competences, "C31") || len(n4.Criteres) != 10 {
		t.Errorf("NRC E4 compétences %v, %d critères", n4.Competences, len(n4.Criteres))
	}
}

// The NRC's interleaved columns are paired as the text allows.
func TestNRCColumnRecovery(t *testing.T) {
	t.Parallel()
	m := load(t).Doc("NRC").Model
	c1, _ := m.Competence("C1")
	if len(c1.Conditions) != 4 || c1.Conditions[0] != "Une problématique commerciale et son contexte" {
		t.Errorf("C1 conditions = %q", c1.Conditions)
	}
	if len(c1.Criteres) != 7 || c1.Criteres[0] != "La compréhension du contexte et le respect des contraintes" {
		t.Errorf("C1 critères = %q", c1.Criteres)
	}
	c12, _ := m.Competence("C12")
	if len(c12.SavoirFaire) != 6 || c12.SavoirFaire[1] != "Exploiter les sources internes et externes d’informations répertoriées" {
		t.Errorf("C12 savoir-faire = %q", c12.SavoirFaire)
	}
	s51, _ := m.Savoir("S51")
	if len(s51.Limites) == 0 || !strings.HasPrefix(s51.Limites[0], "L’étude de la fiscalité sera limitée") {
		t.Errorf("S51 limites = %q", s51.Limites)
	}
	s511, _ := m.Savoir("S511")
	if len(s511.Connaissances) != 5 || strings.Contains(strings.Join(s511.Connaissances, " "), "limitée") {
		t.Errorf("S511 connaissances = %q", s511.Connaissances)
	}
	// Limits written after S421…S425 belong to their parent S42.
	s42, _ := m.Savoir("S42")
	if len(s42.Limites) != 4 {
		t.Errorf("S42 limites = %q", s42.Limites)
	}
}

func TestSectionsAreDisplayable(t *testing.T) {
	t.Parallel()
	c := load(t)
	for _, d := range c.Docs {
		lines := strings.Count(d.Text, "\n") + 1
		for _, s := range d.Sections {
			if n := len([]rune(s.Text)); n == 0 || n > MaxSection+maxCrumbTitle+10 {
				t.Errorf("%s: %d characters", s.ID, n)
			}
			if s.Lines[0] < 1 || s.Lines[1] < s.Lines[0] || s.Lines[1] > lines {
				t.Errorf("%s: bad lines %v", s.ID, s.Lines)
			}
			if strings.Contains(s.Text, "<b>") || strings.Contains(s.Text, "**") || strings.Contains(s.Text, "<p") {
				t.Errorf("%s: markup left: %.80q", s.ID, s.Text)
			}
			if s.Kind == "" || len(s.Breadcrumb) == 0 {
				t.Errorf("%s: no kind or breadcrumb", s.ID)
			}
		}
	}
	// The example of the issue: a CCST épreuve section with its breadcrumb.
	found := false
	for _, s := range c.Doc("CCST").Sections {
		if strings.HasPrefix(s.Path(), "Annexe IV d") && strings.Contains(s.Path(), "E4 : Conception") && strings.HasSuffix(s.Path(), "Forme ponctuelle") {
			found = s.Kind == tutor.KindEpreuve
		}
	}
	if !found {
		t.Error("no épreuve section Annexe IV d › E4 … › Forme ponctuelle")
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	t.Parallel()
	meta := tutor.Document{Diploma: "NDRC", Title: "BTS NDRC", Source: "x.md"}
	tests := []struct {
		name string
		meta tutor.Document
		data []byte
	}{
		{"bad diploma", tutor.Document{Diploma: "n drc", Title: "x", Source: "x.md"}, []byte("# T\ntexte")},
		{"no title", tutor.Document{Diploma: "NDRC", Source: "x.md"}, []byte("# T\ntexte")},
		{"not utf8", meta, []byte{0xff, 0xfe, 'a'}},
		{"empty", meta, []byte("\n\n")},
		{"docx", tutor.Document{Diploma: "NDRC", Title: "x", Source: "x.docx"}, []byte("PK")},
		{"fake pdf", tutor.Document{Diploma: "NDRC", Title: "x", Source: "x.pdf"}, []byte("not a pdf")},
		{"broken pdf", tutor.Document{Diploma: "NDRC", Title: "x", Source: "x.pdf"}, []byte("%PDF-1.4 garbage")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(context.Background(), tt.meta, tt.data); err == nil {
				t.Error("Parse succeeded, want an error")
			}
		})
	}
}

func TestLoadExtraFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	md := "# Référentiel NDRC\n\n## Bloc de compétences 1\n\n### C1.1 Cibler et prospecter la clientèle\n\n- Analyser le portefeuille\n"
	os.WriteFile(dir+"/ndrc.md", []byte(md), 0o644)
	os.WriteFile(dir+"/ndrc.json", []byte(`{"diploma":"NDRC","title":"BTS NDRC","code_style":"dotted"}`), 0o644)
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := c.Doc("ndrc")
	if d == nil || len(d.Sections) == 0 {
		t.Fatalf("NDRC not loaded: %v", c.Diplomas())
	}
	if comp, ok := d.Model.Competence("C1.1"); !ok || comp.Title != "Cibler et prospecter la clientèle" {
		t.Errorf("C1.1 = %+v", comp)
	}
	// A text without metadata is skipped and said; the rest loads.
	os.WriteFile(dir+"/orphan.txt", []byte("texte"), 0o644)
	c, err = Load(dir)
	if err != nil || c.Doc("NDRC") == nil {
		t.Fatalf("Load beside a text lacking metadata: %v", err)
	}
	if len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Error(), "orphan.txt") || !strings.Contains(c.Skipped[0].Error(), "métadonnées manquantes") {
		t.Errorf("skipped: %v", c.Skipped)
	}
}

// A heading is never a passage alone: a heading without content of its own
// opens the next passage.
func TestHeadingsAreNeverAlone(t *testing.T) {
	t.Parallel()
	c := load(t)
	for _, d := range c.Docs {
		for _, s := range d.Sections {
			lines := strings.Split(s.Text, "\n")
			if len(lines) != 1 || len(s.Breadcrumb) == 0 {
				continue
			}
			if Normalize(lines[0]) == Normalize(s.Breadcrumb[len(s.Breadcrumb)-1]) {
				t.Errorf("%s is its heading alone: %q", s.ID, lines[0])
			}
		}
	}
}

// The parts of a function's conditions d'exercice that students ask about
// head their passages.
func TestExerciceLabelsHeadTheirParts(t *testing.T) {
	t.Parallel()
	c := load(t)
	found := map[string]bool{}
	for _, s := range c.Doc("NRC").Sections {
		if len(s.Breadcrumb) > 1 && strings.HasPrefix(s.Breadcrumb[1], "FONCTION 1") {
			found[s.Breadcrumb[len(s.Breadcrumb)-1]] = true
		}
	}
	for _, want := range []string{"Liaisons fonctionnelles", "Autonomie", "Résultats attendus"} {
		if !found[want] {
			t.Errorf("no passage of the function 1 headed %q (headings: %v)", want, found)
		}
	}
}

// "2° Deuxième situation d'évaluation" heads its situation, under the
// CCF of its épreuve, and the next situation heads its own.
func TestOrdinalLinesHeadTheirParts(t *testing.T) {
	t.Parallel()
	c := load(t)
	var text string
	for _, s := range c.Doc("NRC").Sections {
		if len(s.Breadcrumb) > 1 && strings.HasPrefix(s.Breadcrumb[len(s.Breadcrumb)-1], "2° Deuxième situation d’évaluation (durée indicative 2 heures)") &&
			strings.Contains(s.Breadcrumb[len(s.Breadcrumb)-2], "Contrôle en cours de formation") {
			text += s.Text
		}
	}
	if !strings.Contains(text, "synthèse de documents") || strings.Contains(text, "Troisième situation") {
		t.Errorf("the second situation's passages:\n%s", text)
	}
}

// Table rows carry their column headers: a row is found by what it means.
func TestTableRowsCarryTheirHeaders(t *testing.T) {
	t.Parallel()
	c := load(t)
	want := map[string][]string{
		"CCST": {
			"Bloc 4 : Mise en œuvre de l'expertise technico-commerciale. — Première année — Horaire hebdomadaire : Total 9",
			"Brevet de technicien supérieur Technico-commercial (arrêté du 23 août 2006) — Épreuves : E4 Négociation technico-commerciale ; Unités : U4",
		},
		"NRC": {
			"Relation client — Première année : horaire hebdomadaire 5(2+3), volume annuel (à titre indicatif) 180",
			// A label that wraps away from its figures.
			"Accès des étudiants aux ressources informatiques et documentaires de l’établissement — Première année : horaire hebdomadaire 3 · Seconde année : horaire hebdomadaire 3",
			"BTS Force de vente (arrêté du 3 septembre 1997) — E5 Organisation et gestion de clientèle et de secteur (U5) · BTS Négociation et relation client (défini par le présent arrêté) — E5 Management et gestion d’activités commerciales (U5)",
		},
	}
	for dip, rows := range want {
		d := c.Doc(dip)
		for _, row := range rows {
			found := false
			for _, s := range d.Sections {
				if strings.Contains(s.Text, row) {
					found = true
					if strings.Count(s.Text, "\n") > 0 {
						t.Errorf("%s: the row shares its passage: %q", s.ID, s.Text)
					}
				}
			}
			if !found {
				t.Errorf("%s: no passage holds %q", dip, row)
			}
		}
	}
}

// A savoir of the NRC is read with its limits; a list with its announcing
// sentence.
func TestSavoirWithItsLimitsAndListsWhole(t *testing.T) {
	t.Parallel()
	c := load(t)
	d := c.Doc("NRC")
	for _, s := range d.Sections {
		if s.DefinesCode("S633") && !strings.Contains(s.Text, "Limites de connaissances :") {
			t.Errorf("S633 without its limits: %q", s.Text)
		}
		if strings.Contains(s.Text, "Chaque fiche comprendra impérativement les rubriques suivantes") && !strings.Contains(s.Text, "analyse critique de la communication") {
			t.Errorf("%s: the list is cut from its sentence", s.ID)
		}
		// A long paragraph ending on "qui précise :" leaves its earlier
		// sentences apart so that the list stays whole with its announce.
		if strings.Contains(s.Text, "annexe pédagogique qui précise") && !strings.Contains(s.Text, "gratifications éventuelles") {
			t.Errorf("%s: the annexe pédagogique's list is cut from its sentence", s.ID)
		}
	}
}

func TestCutLastSentence(t *testing.T) {
	t.Parallel()
	before, last, ok := cutLastSentence("Le stage fait l'objet d'une convention. Elle comporte une annexe qui précise :")
	if !ok || before != "Le stage fait l'objet d'une convention." || last != "Elle comporte une annexe qui précise :" {
		t.Errorf("got %q | %q | %v", before, last, ok)
	}
	if _, _, ok := cutLastSentence("Une seule phrase qui annonce :"); ok {
		t.Error("a single sentence was cut")
	}
}

// Every activité is in the model with its tasks: the CCST's coded ones, and
// the NRC's, numbered within their function ("1.2. Négociation - vente"
// under FONCTION 1 is A1.2).
func TestActivitesMatchTexts(t *testing.T) {
	t.Parallel()
	c := load(t)
	want := map[string][]string{
		"NRC":  {"A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "A3.1", "A3.2", "A3.3", "A4.1", "A4.2", "A4.3"},
		"CCST": {"A1.1", "A1.2", "A2.1", "A4.2"},
	}
	for dip, codes := range want {
		m := c.Doc(dip).Model
		for _, code := range codes {
			i := slices.IndexFunc(m.Activites, func(a tutor.Activite) bool { return a.Code == code })
			if i < 0 {
				t.Errorf("%s: no activité %s", dip, code)
				continue
			}
			if a := m.Activites[i]; len(a.Tasks) == 0 || a.Title == "" {
				t.Errorf("%s %s: title %q, %d tasks", dip, code, a.Title, len(a.Tasks))
			}
		}
	}
	nrc := c.Doc("NRC").Model
	if i := slices.IndexFunc(nrc.Activites, func(a tutor.Activite) bool { return a.Code == "A1.2" }); i >= 0 {
		if a := nrc.Activites[i]; !strings.HasPrefix(a.Title, "1.2. Négociation - vente") || len(a.Tasks) != 6 {
			t.Errorf("NRC A1.2 = %q with %d tasks, want the text's own title and its 6 tasks", a.Title, len(a.Tasks))
		}
	}
	// A numbered heading elsewhere ("2.3 Dimension culturelle" of a
	// language) is no activité.
	for _, a := range nrc.Activites {
		if strings.Contains(a.Title, "culturelle") {
			t.Errorf("NRC activité %s %q", a.Code, a.Title)
		}
	}
}

// A limit the PDF's side-by-side columns ran into a savoir's heading is a
// limit, not part of the title.
func TestRunInLimitLeavesTheTitle(t *testing.T) {
	t.Parallel()
	s, ok := load(t).Doc("NRC").Model.Savoir("S62")
	if !ok || s.Title != "Les orientations managériales" || len(s.Limites) == 0 || !strings.HasPrefix(s.Limites[0], "Délimiter le cadre décisionnel") {
		t.Errorf("S62 = %q, limits %q", s.Title, s.Limites)
	}
}
