package answer

import (
	"slices"
	"strings"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/retrieval"
)

// Attr is what a question asks: a coefficient, who sits on the jury, the
// limits of a savoir, the weekly hours… The structured model answers some
// (Model); the others are answered from the part of the texts that holds
// them.
type Attr int

// What a question can ask.
const (
	AttrCoef Attr = iota + 1
	AttrDuree
	AttrPreparation
	AttrForme
	AttrSituations
	AttrCompetences
	AttrCriteres
	AttrContenu
	AttrDocuments
	AttrMateriel
	AttrJury
	AttrDeroulement
	AttrLieu
	AttrConditions
	AttrLimites
	AttrStage
	AttrHoraires
	AttrMetiers
	AttrPeriode
	AttrActivites
	AttrQualites
	AttrResultats
	AttrAutonomie
	AttrLiaisons
	AttrExercice
	AttrCompetenceOf
	AttrFonctionOf
)

// attrDef describes one attribute: the words that ask for it (folded,
// after normalisation), the words of the texts that state it, the kinds of
// passage that hold it, and whether the structured model answers it.
type attrDef struct {
	attr     Attr
	name     string
	triggers []string
	cues     []string
	kinds    []tutor.Kind
	model    bool
}

// attrTable is the catalogue of what students ask. Order matters only for
// display.
var attrTable = []attrDef{
	{AttrCoef, "coefficient",
		[]string{"coefficient", "coefficients", "coef", "coefs", "poids", "compte pour", "combien compte", "rapporte", "pese", "pesent", "peser", "pese combien", "vaut combien"},
		[]string{"coefficient"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrDuree, "durée",
		[]string{"duree", "durees", "dure", "durent", "durer", "combien de temps", "longtemps", "combien d heures", "combien de minutes", "combien de semaines", "combien de mois", "combien de jours", "c est long", "heures", "minutes"},
		[]string{"duree", "heures", "minutes"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrPreparation, "préparation",
		[]string{"preparation", "preparer"},
		[]string{"preparation"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrForme, "forme",
		[]string{"forme", "ponctuelle", "ccf", "controle en cours de formation", "type d epreuve", "quel type", "comme epreuve", "ecrit ou oral", "oral ou ecrit", "c est un oral", "c est un ecrit", "un ecrit", "un oral", "en cours de formation"},
		[]string{"ponctuelle", "ecrite", "orale", "controle", "formation"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrSituations, "situations d'évaluation",
		[]string{"combien de situations", "nombre de situations", "situations d evaluation"},
		[]string{"situations", "evaluation"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrCompetences, "compétences évaluées",
		[]string{"quelles competences", "competences evaluees", "competences validees", "competences sont evaluees", "valide quelles competences", "evalue quelles competences", "competences du referentiel", "valide les competences", "valide quelles"},
		[]string{"competences"}, []tutor.Kind{tutor.KindEpreuve}, true},
	{AttrCriteres, "critères",
		[]string{"criteres", "critere", "note sur quoi", "evalue sur quoi", "sur quoi on est note", "sur quoi on est evalue", "jury attend", "note quoi", "notent quoi", "evalue quoi", "evaluent quoi", "juge quoi", "jugent quoi", "juge sur quoi", "regardent quoi", "ce qui est note", "ce qui est evalue", "exigences", "exige", "exiges", "exigee", "grille d evaluation", "regarde quoi", "pour la valider", "pour valider", "est attendu", "sont attendus", "on attend", "attendent", "ils attendent", "attend de voir", "attendent de voir"},
		[]string{"criteres", "evaluation"}, []tutor.Kind{tutor.KindEpreuve, tutor.KindCompetence}, true},
	{AttrContenu, "objectif et contenu",
		[]string{"objectif", "objectifs", "finalite", "finalites", "porte sur", "sur quoi porte", "contenu", "consiste", "a quoi sert", "sert a", "a quoi ca sert", "ca sert a quoi", "ca sert", "a quoi bon", "utilite", "le but", "quel but", "en quoi", "comme epreuve", "c est quoi l epreuve"},
		[]string{"objectif", "finalites", "contenu", "porte"}, nil, false},
	{AttrDocuments, "documents et dossier",
		[]string{"dossier", "dossiers", "documents", "document", "fiches", "fiche", "ramener", "apporter", "pages", "rapport", "annexes", "documentaire"},
		[]string{"dossier", "documents", "fiches", "pages", "annexes"}, nil, false},
	{AttrMateriel, "matériel autorisé",
		[]string{"dictionnaire", "calculatrice", "ordinateur", "tablette", "telephone", "materiel", "autorise", "autorisee", "autorises", "a le droit", "droit au", "droit a", "droit d", "amener", "interdit", "interdits"},
		[]string{"autorise", "calculatrice", "dictionnaire", "outils", "nomades", "materiel"}, nil, false},
	{AttrJury, "composition de la commission",
		[]string{"jury", "jurys", "commission", "commissions", "qui corrige", "qui note", "qui evalue", "qui m evalue", "qui nous evalue", "qui interroge", "qui m interroge", "qui me note", "examinateur", "examinateurs", "correcteur", "correcteurs", "interrogateur", "interrogateurs", "un pro", "qui est dans", "composition",
			"corrige par", "corrigee par", "corriges par", "note par", "notee par", "evalue par", "evaluee par", "quels profs", "quel prof", "quels professeurs", "en face de moi", "face a moi", "devant qui"},
		[]string{"commission", "composee", "interrogateurs", "professeur", "professionnel", "correction"}, nil, false},
	{AttrDeroulement, "déroulement",
		[]string{"deroulement", "deroule", "se passe", "se passer", "parties", "partie", "etapes", "couper", "interrompre", "expose", "entretien", "simulation", "chaque partie"},
		[]string{"deroulement", "partie", "expose", "entretien", "interrompu"}, nil, false},
	{AttrLieu, "lieu",
		[]string{"passe ou", "ou ca se passe", "ou se passe", "ou a lieu", "ou se deroule", "lieu d", "lieux", "ailleurs", "dans mon lycee", "mon lycee", "mon etablissement", "centre d examen"},
		[]string{"centre", "examen", "etablissement", "lieu"}, nil, false},
	{AttrConditions, "dispenses et équivalences",
		[]string{"dispense", "dispenses", "equivalence", "equivalences", "correspondance", "redoubler", "redouble", "redoublant", "rate", "echoue", "garder", "garde", "benefice", "vae", "validation des acquis", "deja un bts", "ancien bts", "j avais passe", "j avais eu",
			"j avais valide", "j ai valide", "equivaut", "equivalent", "faire valoir", "devient quoi", "ca devient",
			"force de vente", "bts technico commercial", "avant la reforme"},
		[]string{"dispense", "benefice", "notes", "correspondance", "obtenues", "conservees"}, []tutor.Kind{tutor.KindReglement}, false},
	{AttrLimites, "limites de connaissances",
		[]string{"limite", "limites", "limitee", "limitees", "limite a", "jusqu ou", "au programme", "programme", "faut il savoir", "doit on savoir", "on doit savoir", "doit savoir", "faut savoir", "faut connaitre", "doit connaitre", "on doit connaitre", "a quel niveau", "niveau", "approfondi", "pousse", "poussees", "poussee", "en detail", "juste un peu", "etudie", "etudier", "on etudie", "on voit", "on apprend", "apprendre", "aborde", "abordes", "au programme"},
		[]string{"limites", "limiter", "connaissances"}, []tutor.Kind{tutor.KindSavoir}, false},
	{AttrStage, "stage",
		[]string{"stage", "stages", "convention", "attestation", "attestations", "entreprise d accueil", "tuteur", "milieu professionnel"},
		[]string{"stage", "semaines", "milieu", "professionnel"}, []tutor.Kind{tutor.KindStage}, false},
	{AttrHoraires, "horaires",
		[]string{"hebdomadaire", "horaire", "horaires", "volume horaire", "heures de cours", "par semaine", "chaque semaine", "volume annuel"},
		[]string{"horaire", "hebdomadaire", "volume", "total"}, []tutor.Kind{tutor.KindHoraire}, false},
	{AttrMetiers, "métiers et emplois",
		[]string{"metier", "metiers", "emploi", "emplois", "poste", "postes", "embauche", "embauches", "debouches", "travailler comme", "devenir"},
		[]string{"emplois", "metier", "appellation"}, nil, false},
	{AttrPeriode, "période",
		[]string{"quand", "a quel moment", "quelle periode", "en fin de", "en debut de", "quel mois", "quels mois", "en quel mois"},
		[]string{"periode", "semestre", "moment", "annee", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre", "decembre"}, nil, false},
	{AttrActivites, "activités et tâches",
		[]string{"une tache", "les taches", "quelles taches", "quelle tache", "quelles activites", "tache du", "taches du", "une activite du", "les activites du", "activites du titulaire", "pole d activites", "ses missions", "ses taches"},
		[]string{"activites", "taches"}, []tutor.Kind{tutor.KindActivite}, false},
	{AttrQualites, "qualités attendues",
		[]string{"qualites", "qualite", "aptitudes", "savoir etre", "personnalite", "caractere", "profil", "timide", "comportement", "comportements"},
		[]string{"aptitudes", "comportements", "qualites", "preuve"}, nil, false},
	// The parts of a function's or a pôle's description: its conditions
	// d'exercice, liaisons, autonomie and résultats attendus.
	// "j'organise un salon, ça rentre dans quelle compétence ?": the
	// compétence an activity belongs to.
	{AttrCompetenceOf, "compétence concernée",
		[]string{"quelle competence", "dans quelle competence", "a quelle competence", "correspond a quelle competence", "quel bloc de competences", "dans quel bloc", "quelle competence ca"},
		[]string{"competence"}, []tutor.Kind{tutor.KindCompetence}, false},
	// "la veille, c'est dans quelle fonction ?": the function it belongs to.
	{AttrFonctionOf, "fonction concernée",
		[]string{"dans quelle fonction", "quelle fonction", "a quelle fonction"},
		[]string{"fonction"}, []tutor.Kind{tutor.KindActivite}, false},
	{AttrResultats, "résultats attendus",
		[]string{"resultats attendus", "resultat attendu", "resultats qu on attend", "quels resultats"},
		[]string{"resultats", "attendus"}, []tutor.Kind{tutor.KindActivite}, false},
	{AttrAutonomie, "autonomie et responsabilité",
		[]string{"autonomie", "autonome", "autonomes", "quelle responsabilite", "quelles responsabilites", "sa responsabilite", "ses responsabilites", "rend compte", "rendre compte", "rend des comptes", "son chef", "son superieur", "sous les ordres",
			"comme il veut", "comme elle veut", "comme je veux", "comme on veut", "ce qu il veut", "ce qu on veut", "libre de", "on lui dit quoi faire", "on lui dit tout",
			"tout seul", "toute seule", "seul ou en equipe", "seul sur le terrain", "plutot seul", "bosse seul", "travaille seul"},
		[]string{"autonomie", "responsabilite", "seul"}, []tutor.Kind{tutor.KindActivite}, false},
	{AttrLiaisons, "liaisons fonctionnelles",
		[]string{"en relation avec", "en lien avec", "relations avec", "en contact avec", "travaille avec", "bosse avec", "interlocuteurs", "interlocuteur", "liaisons", "relations internes", "relations externes", "organismes"},
		[]string{"liaisons", "relations"}, []tutor.Kind{tutor.KindActivite}, false},
	{AttrExercice, "conditions d'exercice",
		[]string{"ou il travaille", "ou il bosse", "il bosse ou", "il travaille ou", "on bosse ou", "lieu de travail", "lieux de travail", "sur le terrain", "itinerant", "sedentaire", "en deplacement", "conditions d exercice", "conditions de travail"},
		[]string{"conditions", "exercice"}, []tutor.Kind{tutor.KindActivite}, false},
}

func (a Attr) def() *attrDef {
	for i := range attrTable {
		if attrTable[i].attr == a {
			return &attrTable[i]
		}
	}
	return nil
}

// String names the attribute in French.
func (a Attr) String() string {
	if d := a.def(); d != nil {
		return d.name
	}
	return "?"
}

// Model reports whether the structured model answers the attribute.
func (a Attr) Model() bool {
	d := a.def()
	return d != nil && d.model
}

// asking reports whether the words that ask for the attribute only say what
// kind of answer is wanted ("jury", "dure", "quand"), unlike those that name
// a topic too ("stage", "dossier", "horaires").
func (a Attr) asking() bool {
	switch a {
	case AttrCoef, AttrDuree, AttrPreparation, AttrForme, AttrSituations, AttrJury, AttrLieu, AttrPeriode, AttrDeroulement:
		return true
	}
	return false
}

// notAsking are phrases that hold an attribute's trigger without asking
// for it: "quand même" is no time, "quand ils disent X" asks what X means,
// "la mise en forme" of a file is not the form of an épreuve.
var notAsking = map[Attr][]string{
	AttrPeriode: {"quand meme", "quand ils disent", "quand on dit", "quand ils parlent", "quand on parle", "quand ils ecrivent",
		"quand le referentiel dit", "quand c est ecrit", "quand ils mettent"},
	AttrForme: {"mise en forme", "bonne forme", "action ponctuelle", "actions ponctuelles"},
	// "c'est juste pour valider le diplôme ?": the diploma, not an
	// épreuve's criteria.
	AttrCriteres: {"pour valider le diplome", "pour valider le bts", "pour valider mon diplome", "pour valider mon bts"},
	// "garder un client" is to keep a customer, not a mark.
	// "faire passer des entretiens d'embauche": recruiting, not a job.
	AttrMetiers: {"entretiens d embauche", "entretien d embauche"},
	// "mon tuteur dit que…", "je dois la cocher dans mon livret de stage":
	// where the student heard it or will use it, not the stage asked.
	AttrStage: {"mon tuteur dit", "mon tuteur m a dit", "mon tuteur pense", "mon tuteur trouve", "ma tutrice dit", "ma tutrice m a dit",
		"mon maitre de stage dit", "mon maitre de stage m a dit", "livret de stage",
		// "mon binôme de stage", "c'est pour mon rapport de stage": who or
		// what the student speaks of, not the stage.
		"binome de stage", "pote de stage", "pote du meme stage", "meme stage", "collegue de stage", "camarade de stage",
		"pour mon rapport de stage", "pour mon rapport"},
	AttrConditions: {"garder le client", "garder les clients", "garder un client", "garder ses clients", "garder mes clients", "a garder", "garder la clientele"},
}

// attrsIn lists what a normalised question asks, in the table's order.
// What its words only seem to ask is dropped, and returned apart: those
// words then weigh less.
func attrsIn(n retrieval.Normal) (asks, dropped []Attr) {
	var raw []Attr
	for _, d := range attrTable {
		text := n.Text()
		for _, p := range notAsking[d.attr] {
			text = strings.ReplaceAll(text, " "+p+" ", " ")
		}
		for _, t := range d.triggers {
			if strings.Contains(text, " "+strings.Join(retrieval.Tokens(t), " ")+" ") {
				raw = append(raw, d.attr)
				break
			}
		}
	}
	asks = refineAttrs(n, raw)
	for _, a := range raw {
		if !slices.Contains(asks, a) {
			dropped = append(dropped, a)
		}
	}
	return asks, dropped
}

// refineAttrs sets aside what a question's words only seem to ask.
func refineAttrs(n retrieval.Normal, raw []Attr) []Attr {
	out := append([]Attr(nil), raw...)
	has := func(a Attr) bool { return slices.Contains(out, a) }
	// "Sur quels critères le jury note-t-il…", "le jury regarde quoi": the
	// jury is who asks, not what is asked, unless who sits on it is.
	who := n.Has("qui") || n.Has("composition") || n.Has("compose") || n.Has("composee") || n.Has("combien de personnes") || n.Has("membres")
	if has(AttrJury) && len(out) > 1 && !who {
		out = removeAttr(out, AttrJury)
	}
	// "pourquoi la commission modifie ma situation ?", "comment le jury
	// note ?": what the commission does and why, not who sits on it.
	if has(AttrJury) && !who && (n.Has("pourquoi") || n.Has("comment")) {
		out = removeAttr(out, AttrJury)
	}
	// Hours per week are a timetable, not a duration; "heures" alone in a
	// timetable question is not a duration either.
	if has(AttrHoraires) && has(AttrDuree) && !(n.Has("duree") || n.Has("dure")) {
		out = removeAttr(out, AttrDuree)
	}
	// "on doit savoir faire quoi": the savoir-faire of a compétence, not the
	// limits of a savoir.
	if has(AttrLimites) && n.Has("savoir faire") && !n.Has("limite") && !n.Has("limites") && !n.Has("programme") {
		out = removeAttr(out, AttrLimites)
	}
	// "combien de temps de préparation": the préparation, not the épreuve.
	if has(AttrPreparation) && has(AttrDuree) && !(n.Has("duree") || n.Has("dure") || n.Has("durent")) && n.Has("temps de preparation") {
		out = removeAttr(out, AttrDuree)
	}
	// "tous mes stages au même endroit, c'est autorisé ?": allowed, not the
	// material allowed at an épreuve.
	if has(AttrMateriel) && has(AttrStage) {
		out = removeAttr(out, AttrMateriel)
	}
	// "si le professionnel est absent, ça se passe comment ?": what happens
	// in that case, not how the épreuve goes.
	// "si je pars à l'étranger, l'oral se passe en français ?" asks how
	// it goes, though.
	if has(AttrDeroulement) && n.Has("si") && (n.Has("se passe") || n.Has("ca passe") || n.Has("il se passe")) && !n.Has("se passe en") && !n.Has("deroule") && !n.Has("deroulement") {
		out = removeAttr(out, AttrDeroulement)
	}
	// "en CCF, combien de situations ?": the form is where the question
	// stands, not what it asks, unless it asks which form.
	if has(AttrForme) && formContext(n) && !formAsked(n) {
		out = removeAttr(out, AttrForme)
	}
	// "les qualités qu'on attend d'un commercial": what the job asks of a
	// person (aptitudes), not an épreuve's criteria.
	if has(AttrCriteres) && (n.Has("qualites") || n.Has("aptitudes") || n.Has("profil") || n.Has("personnalite")) && !(n.Has("criteres") || n.Has("critere") || n.Has("grille")) {
		out = removeAttr(out, AttrCriteres)
	}
	// "on est sous les ordres de qui ?": who the boss is, a place in the
	// organisation, not how free one is.
	if has(AttrAutonomie) && (n.Has("de qui") || n.Has("c est qui") || n.Has("qui est")) && !(n.Has("autonomie") || n.Has("autonome") || n.Has("libre")) {
		out = removeAttr(out, AttrAutonomie)
	}
	// "quand on débute, on est sous les ordres de qui ?": "quand" opens a
	// clause, and another word asks; the time is not what is asked.
	if has(AttrPeriode) && whenClause(n) {
		out = removeAttr(out, AttrPeriode)
	}
	return out
}

// whenClause reports whether "quand" in a question opens a clause ("quand
// on débute…", "quand je suis en stage…") while another word asks what
// the question wants ("qui", "quoi", "comment"…).
func whenClause(n retrieval.Normal) bool {
	w := n.Words
	clause, other := false, false
	for i, x := range w {
		switch x {
		case "quand":
			if i+1 < len(w) && slices.Contains([]string{"on", "je", "j", "tu", "t", "il", "elle", "ils", "elles", "nous", "vous"}, w[i+1]) {
				clause = true
			}
		case "qui", "quoi", "quel", "quelle", "quels", "quelles", "combien", "comment", "pourquoi", "lequel", "laquelle":
			other = true
		}
	}
	return clause && other
}

// formContext reports whether a question says in which form it stands
// ("en CCF", "en ponctuel").
func formContext(n retrieval.Normal) bool {
	for _, p := range []string{"en ccf", "en ponctuel", "en ponctuelle", "en forme ponctuelle", "en controle en cours de formation", "candidat forme ponctuelle", "de ccf", "du ccf"} {
		if n.Has(p) {
			return true
		}
	}
	return false
}

// formAsked reports whether a question asks which form an épreuve takes.
func formAsked(n retrieval.Normal) bool {
	for _, p := range []string{"quelle forme", "sous quelle forme", "type d epreuve", "quel type", "comme epreuve", "ecrit ou oral", "oral ou ecrit", "c est un oral", "c est un ecrit", "un ecrit", "un oral", "ccf ou", "ou ccf", "ou en ponctuel", "ponctuel ou"} {
		if n.Has(p) {
			return true
		}
	}
	return false
}

func removeAttr(list []Attr, a Attr) []Attr {
	var out []Attr
	for _, x := range list {
		if x != a {
			out = append(out, x)
		}
	}
	return out
}
