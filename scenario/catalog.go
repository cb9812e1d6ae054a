package scenario

// The catalogues the generator draws from. CCST sectors are named exactly as
// in the référentiel's list of trades (a test holds the two together); NRC
// sectors are grouped by the three client types of savoirs S75–S77.

// Offer is what the seller sells, with what a deal on it needs.
type Offer struct {
	Name       string
	Unit       string   // what one item of the quantity is
	Specs      []string // technical and commercial specifics
	Services   []string // associated services the seller may trade
	Cost       [2]int   // unit cost range, euros HT
	Quantities []int
	Lead       [2]int  // delivery or installation lead time, weeks
	TVA        float64 // percent; 0 means 20
	TVANote    string  // why a reduced rate applies
	RoundTTC   bool    // the list price is round tax included (households)
	Needs      []string
	Objections []string // specific to the offer
}

// Sector groups offers with the organisations that sell and buy them.
type Sector struct {
	Name    string
	Sellers []string // what the seller's company is
	Clients []Org
	Offers  []Offer
	Place   []string // where the meeting takes place (particuliers: S75)
}

// Org is a kind of client organisation.
type Org struct {
	Kind     string // CCST: intégrateur, utilisateur, distributeur, installateur
	Activity string
	// Named, when set, is how the organisation is named instead of a
	// company name and legal form: {city} and {name} are filled in.
	Named string
}

// Client types.
const (
	ClientParticulier  = "particulier"
	ClientEntreprise   = "entreprise"
	ClientDistributeur = "distributeur"
)

// ClientTypes lists the NRC client types in order.
var ClientTypes = []string{ClientParticulier, ClientEntreprise, ClientDistributeur}

var ccstSectors = []Sector{
	{
		Name:    "Fournitures et équipements industriels",
		Sellers: []string{"distributeur de fournitures industrielles", "négociant en équipements d'atelier"},
		Clients: []Org{{"utilisateur", "usine de plasturgie", ""}, {"utilisateur", "atelier de mécanique de précision", ""}, {"intégrateur", "constructeur de lignes d'assemblage", ""}},
		Offers: []Offer{{
			Name: "compresseur d'air à vis à vitesse variable 15 kW", Unit: "compresseur",
			Specs:    []string{"débit de 2,4 m³/min à 8 bar", "variateur de vitesse : consommation ajustée à la demande", "niveau sonore de 66 dB(A)", "récupération de chaleur possible pour l'eau chaude de l'atelier"},
			Services: []string{"installation et mise en service", "contrat de maintenance préventive", "audit des fuites du réseau d'air comprimé"},
			Cost:     [2]int{6000, 9500}, Quantities: []int{1, 2}, Lead: [2]int{3, 6},
			Needs:      []string{"réduire la facture d'électricité de l'air comprimé", "fiabiliser la production (arrêts dus au compresseur actuel)", "réduire le bruit dans l'atelier"},
			Objections: []string{"Notre compresseur actuel fonctionne encore, pourquoi changer maintenant ?", "Le retour sur investissement me paraît long."},
		}, {
			Name: "armoire de stockage sécurisée pour produits inflammables", Unit: "armoire",
			Specs:    []string{"résistance au feu de 90 minutes", "ventilation raccordable", "bac de rétention intégré", "fermeture automatique des portes en cas d'incendie"},
			Services: []string{"livraison et mise en place", "raccordement de la ventilation", "vérification annuelle"},
			Cost:     [2]int{1400, 2600}, Quantities: []int{2, 3, 5}, Lead: [2]int{2, 4},
			Needs:      []string{"se mettre en conformité après un audit de l'assureur", "regrouper des produits stockés dans plusieurs ateliers", "protéger les salariés"},
			Objections: []string{"Des armoires standard suffiraient peut-être.", "L'encombrement m'inquiète : nos ateliers sont petits."},
		}},
	},
	{
		Name:    "Matériel électrique",
		Sellers: []string{"distributeur de matériel électrique", "grossiste en matériel électrique"},
		Clients: []Org{{"installateur", "entreprise d'électricité générale", ""}, {"utilisateur", "concession automobile", ""}, {"utilisateur", "gestionnaire de parkings", ""}},
		Offers: []Offer{{
			Name: "borne de recharge pour véhicules électriques 22 kW", Unit: "borne",
			Specs:    []string{"deux points de charge de 11 kW ou un de 22 kW", "gestion dynamique de la puissance", "badge RFID et supervision à distance", "compatible avec les principaux opérateurs de recharge"},
			Services: []string{"étude de puissance du site", "mise en service par un installateur qualifié IRVE", "supervision et maintenance"},
			Cost:     [2]int{1200, 2600}, Quantities: []int{4, 6, 10}, Lead: [2]int{2, 5},
			Needs:      []string{"équiper le parking pour les véhicules des clients et des salariés", "maîtriser la puissance souscrite", "suivre les consommations par utilisateur"},
			Objections: []string{"Notre abonnement électrique ne suivra pas.", "Les bornes évoluent vite : elles seront dépassées dans deux ans."},
		}, {
			Name: "luminaire LED industriel 150 W", Unit: "luminaire",
			Specs:    []string{"flux de 21 000 lumens", "durée de vie de 50 000 heures", "détecteur de présence et gradation", "indice de protection IP65"},
			Services: []string{"étude d'éclairement", "reprise et recyclage des anciens luminaires", "montage de dossiers de certificats d'économies d'énergie"},
			Cost:     [2]int{90, 210}, Quantities: []int{20, 40, 60, 100}, Lead: [2]int{1, 3},
			Needs:      []string{"réduire la consommation d'éclairage", "améliorer le confort visuel des opérateurs", "limiter les interventions en hauteur"},
			Objections: []string{"On trouve des luminaires LED bien moins chers sur internet.", "Le changement va perturber l'activité."},
		}},
	},
	{
		Name:    "Fournitures pour la plomberie et le sanitaire",
		Sellers: []string{"négociant en plomberie et sanitaire", "distributeur de fournitures sanitaires"},
		Clients: []Org{{"installateur", "entreprise de plomberie-chauffage", ""}, {"utilisateur", "bailleur social", "{name} Habitat"}, {"utilisateur", "camping quatre étoiles", "Camping {name}"}},
		Offers: []Offer{{
			Name: "chauffe-eau thermodynamique 200 litres", Unit: "chauffe-eau",
			Specs:    []string{"coefficient de performance de 3,2", "fonctionnement sur air ambiant ou gainé", "mode absence et programmation", "cuve émaillée avec anode anticorrosion"},
			Services: []string{"formation des poseurs", "assistance technique au démarrage", "extension de garantie"},
			Cost:     [2]int{900, 1500}, Quantities: []int{5, 10, 20}, Lead: [2]int{1, 3},
			Needs:      []string{"remplacer des ballons électriques énergivores", "proposer une solution éligible aux aides", "limiter les retours de chantier"},
			Objections: []string{"Mes clients trouvent ces appareils bruyants.", "La pose prend plus de temps qu'un ballon classique."},
		}, {
			Name: "robinetterie temporisée pour sanitaires collectifs", Unit: "robinet",
			Specs:    []string{"temporisation réglable de 5 à 30 secondes", "débit limité à 6 litres par minute", "corps antivandalisme", "rinçage anti-légionelles programmable"},
			Services: []string{"relevé des points d'eau", "pose par un partenaire", "kit de pièces détachées"},
			Cost:     [2]int{60, 150}, Quantities: []int{20, 40, 80}, Lead: [2]int{1, 2},
			Needs:      []string{"réduire la consommation d'eau", "limiter les dégradations", "respecter les obligations sanitaires"},
			Objections: []string{"Les usagers se plaignent des robinets qui se coupent trop vite.", "Nos robinets actuels n'ont que cinq ans."},
		}},
	},
	{
		Name:    "Fournitures et équipement pour les solutions énergétiques",
		Sellers: []string{"distributeur de solutions énergétiques", "grossiste en génie climatique"},
		Clients: []Org{{"installateur", "entreprise de génie climatique", ""}, {"utilisateur", "exploitation agricole", ""}, {"intégrateur", "bureau d'études thermiques", ""}},
		Offers: []Offer{{
			Name: "pompe à chaleur air/eau 16 kW", Unit: "pompe à chaleur",
			Specs:    []string{"coefficient de performance saisonnier de 4,1", "fonctionnement jusqu'à −20 °C", "fluide frigorigène R32", "pilotage par application"},
			Services: []string{"étude thermique", "mise en service par le fabricant", "contrat d'entretien"},
			Cost:     [2]int{5500, 8500}, Quantities: []int{1, 2, 4}, Lead: [2]int{2, 6},
			Needs:      []string{"remplacer une chaudière fioul", "réduire la facture de chauffage", "fiabiliser l'approvisionnement pendant la saison"},
			Objections: []string{"Les délais de livraison de la saison dernière nous ont fait perdre des chantiers.", "Votre marque est peu connue de nos clients."},
		}, {
			Name: "centrale photovoltaïque en toiture de 36 kWc", Unit: "centrale",
			Specs:    []string{"80 modules de 450 Wc", "onduleurs avec supervision en ligne", "production estimée de 40 000 kWh par an", "autoconsommation avec revente du surplus"},
			Services: []string{"étude de faisabilité et de structure", "démarches de raccordement", "maintenance et nettoyage"},
			Cost:     [2]int{26000, 42000}, Quantities: []int{1}, Lead: [2]int{6, 12},
			Needs:      []string{"réduire la facture d'électricité", "valoriser la toiture d'un bâtiment", "afficher un engagement environnemental"},
			Objections: []string{"Notre toiture supportera-t-elle le poids ?", "Le prix de rachat du surplus peut baisser."},
		}},
	},
	{
		Name:    "Bois et matériaux de construction",
		Sellers: []string{"négociant en bois et matériaux", "distributeur de matériaux de construction"},
		Clients: []Org{{"utilisateur", "constructeur de maisons à ossature bois", ""}, {"utilisateur", "entreprise de charpente", ""}, {"distributeur", "négoce de matériaux indépendant", ""}},
		Offers: []Offer{{
			Name: "poutres en lamellé-collé d'épicéa", Unit: "m³",
			Specs:    []string{"classe de résistance GL24h", "bois certifié PEFC", "taillage sur mesure sur plan", "traitement classe 2"},
			Services: []string{"taillage numérique sur plan", "livraison par camion-grue", "assistance du bureau d'études"},
			Cost:     [2]int{450, 720}, Quantities: []int{10, 20, 30}, Lead: [2]int{3, 6},
			Needs:      []string{"tenir les délais des chantiers", "disposer de pièces taillées pour gagner du temps de pose", "garantir la traçabilité du bois"},
			Objections: []string{"Le cours du bois baisse, je préfère attendre.", "Votre délai de taillage est trop long."},
		}, {
			Name: "panneaux isolants en fibre de bois 120 mm", Unit: "palette",
			Specs:    []string{"conductivité thermique de 0,038 W/(m·K)", "bon déphasage pour le confort d'été", "panneaux rainurés et bouvetés", "fabrication française"},
			Services: []string{"calepinage", "livraison sur chantier", "formation à la pose"},
			Cost:     [2]int{420, 800}, Quantities: []int{5, 10, 20}, Lead: [2]int{1, 3},
			Needs:      []string{"proposer une isolation biosourcée à ses clients", "réduire la pénibilité de la pose", "assurer un approvisionnement régulier"},
			Objections: []string{"La laine de verre coûte deux fois moins cher.", "Mes équipes ne connaissent pas ce produit."},
		}},
	},
	{
		Name:    "Produits d'aménagement et de finition",
		Sellers: []string{"distributeur de produits de finition", "négociant en revêtements et peintures"},
		Clients: []Org{{"installateur", "entreprise de peinture et revêtements", ""}, {"utilisateur", "établissement pour personnes âgées", "Résidence {name}"}, {"utilisateur", "bailleur social", "{name} Habitat"}},
		Offers: []Offer{{
			Name: "revêtement de sol PVC acoustique", Unit: "lot de 100 m²",
			Specs:    []string{"affaiblissement acoustique de 19 dB", "classement U4P3 pour les locaux à fort passage", "traitement antibactérien", "pose collée ou plombante"},
			Services: []string{"métré et calepinage", "formation des poseurs", "reprise des chutes"},
			Cost:     [2]int{1500, 2600}, Quantities: []int{3, 5, 10}, Lead: [2]int{2, 4},
			Needs:      []string{"réduire le bruit dans les circulations", "faciliter l'entretien", "limiter la durée des travaux dans des locaux occupés"},
			Objections: []string{"Le PVC n'a pas bonne presse auprès de nos résidents.", "La pose plombante coûtera plus cher en main-d'œuvre."},
		}, {
			Name: "peinture intérieure dépolluante classée A+", Unit: "seau de 15 litres",
			Specs:    []string{"émissions de composés organiques volatils classées A+", "rendement de 10 m² par litre", "lessivable", "séchage rapide pour repeindre dans la journée"},
			Services: []string{"teintes à la demande", "livraison sur chantier", "démonstration d'application"},
			Cost:     [2]int{60, 130}, Quantities: []int{20, 40, 80}, Lead: [2]int{1, 2},
			Needs:      []string{"rénover des locaux occupés sans gêner les usagers", "réduire les temps de chantier", "répondre à un cahier des charges environnemental"},
			Objections: []string{"Une peinture classique fera l'affaire.", "Vos teintes ne correspondent pas à notre charte."},
		}},
	},
	{
		Name:    "Textiles techniques",
		Sellers: []string{"fabricant de textiles techniques", "distributeur de textiles techniques et de vêtements professionnels"},
		Clients: []Org{{"utilisateur", "entreprise de travaux publics", ""}, {"utilisateur", "service technique d'une communauté de communes", "Communauté de communes du Pays de {city}"}, {"distributeur", "distributeur d'équipements de protection", ""}},
		Offers: []Offer{{
			Name: "tenue de travail haute visibilité EN ISO 20471", Unit: "tenue",
			Specs:    []string{"classe 2 de visibilité", "tissu déperlant et respirant", "bandes rétroréfléchissantes thermocollées", "tailles du XS au 4XL, coupes femme et homme"},
			Services: []string{"marquage au logo", "essayage sur site", "stock dédié avec réassort sous 48 heures"},
			Cost:     [2]int{40, 95}, Quantities: []int{50, 100, 200}, Lead: [2]int{2, 5},
			Needs:      []string{"équiper les équipes selon les obligations de sécurité", "améliorer le confort pour que les tenues soient portées", "valoriser l'image de l'entreprise"},
			Objections: []string{"Nos agents trouvent ces tenues trop chaudes l'été.", "Le marquage au logo augmente trop le prix."},
		}, {
			Name: "toile enduite PVC pour structures temporaires", Unit: "rouleau de 50 m",
			Specs:    []string{"grammage de 650 g/m²", "classement au feu M2", "traitement anti-UV", "soudable haute fréquence"},
			Services: []string{"découpe à la demande", "échantillons et tests de soudure", "conseil en confection"},
			Cost:     [2]int{800, 1900}, Quantities: []int{2, 5, 10}, Lead: [2]int{2, 4},
			Needs:      []string{"fabriquer des tentes et abris conformes aux règles des établissements recevant du public", "tenir plusieurs saisons en extérieur", "raccourcir les délais de fabrication"},
			Objections: []string{"Votre grammage est supérieur à ce dont nous avons besoin.", "Nous avons un fournisseur habituel depuis dix ans."},
		}},
	},
	{
		Name:    "Machines-outils",
		Sellers: []string{"distributeur de machines-outils", "importateur de machines-outils"},
		Clients: []Org{{"utilisateur", "sous-traitant en mécanique de précision", ""}, {"utilisateur", "atelier de maintenance industrielle", ""}, {"utilisateur", "lycée professionnel", "Lycée professionnel de {city}"}},
		Offers: []Offer{{
			Name: "centre d'usinage vertical 3 axes", Unit: "machine",
			Specs:    []string{"courses de 800 × 500 × 500 mm", "broche de 12 000 tr/min", "magasin de 24 outils", "commande numérique avec programmation conversationnelle"},
			Services: []string{"installation et réception", "formation des opérateurs", "contrat de maintenance avec intervention sous 48 heures"},
			Cost:     [2]int{60000, 115000}, Quantities: []int{1}, Lead: [2]int{8, 16},
			Needs:      []string{"augmenter la capacité de production", "gagner en précision sur des pièces complexes", "former de jeunes opérateurs rapidement"},
			Objections: []string{"Une machine d'occasion coûterait deux fois moins cher.", "Nous devons d'abord obtenir le financement de la banque."},
		}, {
			Name: "tour à commande numérique", Unit: "machine",
			Specs:    []string{"diamètre tournable de 400 mm", "barre de passage de 65 mm", "tourelle de 12 outils motorisés", "embarreur en option"},
			Services: []string{"installation et réception", "formation des opérateurs", "reprise de l'ancienne machine"},
			Cost:     [2]int{40000, 85000}, Quantities: []int{1}, Lead: [2]int{8, 14},
			Needs:      []string{"remplacer un tour conventionnel", "réduire les temps de réglage", "travailler en séries moyennes"},
			Objections: []string{"Vos délais de livraison sont trop longs.", "Le service après-vente est loin de chez nous."},
		}},
	},
	{
		Name:    "Équipements de sécurité",
		Sellers: []string{"distributeur d'équipements de sécurité", "spécialiste de la protection des personnes"},
		Clients: []Org{{"utilisateur", "exploitant de stations d'épuration", ""}, {"utilisateur", "entrepôt frigorifique", ""}, {"installateur", "entreprise de sécurité incendie", ""}},
		Offers: []Offer{{
			Name: "détecteur de gaz portable 4 gaz", Unit: "détecteur",
			Specs:    []string{"détection O₂, CO, H₂S et gaz explosifs", "alarmes sonore, visuelle et vibrante", "autonomie de 24 heures", "station de test et d'étalonnage automatique"},
			Services: []string{"formation des utilisateurs", "étalonnage annuel", "prêt de matériel pendant les réparations"},
			Cost:     [2]int{300, 700}, Quantities: []int{5, 10, 20}, Lead: [2]int{1, 3},
			Needs:      []string{"protéger les agents intervenant en espace confiné", "tracer les tests et les expositions", "réduire le temps d'étalonnage"},
			Objections: []string{"Nos détecteurs actuels sont encore sous garantie.", "Le coût des capteurs de rechange m'inquiète."},
		}, {
			Name: "système de contrôle d'accès par badge", Unit: "système",
			Specs:    []string{"gestion de 8 portes et 500 badges", "logiciel en ligne avec historique des passages", "lecteurs résistants aux intempéries", "compatible avec le système d'alarme existant"},
			Services: []string{"audit de sûreté", "installation et paramétrage", "maintenance annuelle"},
			Cost:     [2]int{3000, 8000}, Quantities: []int{1, 2}, Lead: [2]int{3, 6},
			Needs:      []string{"sécuriser l'accès à des zones sensibles", "supprimer la gestion des clés", "connaître les passages en cas d'incident"},
			Objections: []string{"Le comité social et économique craint un contrôle des horaires.", "Nous n'avons pas de service informatique pour gérer le logiciel."},
		}},
	},
	{
		Name:    "Produits d'hygiène industrielle",
		Sellers: []string{"distributeur de produits d'hygiène industrielle", "distributeur de matériel et de produits d'entretien professionnels"},
		Clients: []Org{{"utilisateur", "entreprise de propreté", ""}, {"utilisateur", "usine agroalimentaire", ""}, {"utilisateur", "clinique", ""}},
		Offers: []Offer{{
			Name: "autolaveuse accompagnée de 55 cm", Unit: "autolaveuse",
			Specs:    []string{"rendement de 2 200 m² par heure", "batterie lithium avec 3 heures d'autonomie", "dosage automatique du détergent", "niveau sonore de 62 dB(A)"},
			Services: []string{"démonstration sur site", "formation des agents", "contrat d'entretien"},
			Cost:     [2]int{2600, 5200}, Quantities: []int{1, 2, 3}, Lead: [2]int{1, 3},
			Needs:      []string{"réduire le temps de nettoyage", "diminuer la consommation d'eau et de produit", "limiter la pénibilité pour les agents"},
			Objections: []string{"Nos agents préfèrent le balai trapèze.", "Nous avons eu des pannes avec une machine d'une autre marque."},
		}, {
			Name: "centrale de dilution et produits concentrés", Unit: "kit (centrale et 6 mois de produits)",
			Specs:    []string{"dosage précis à 0,5 %", "produits certifiés Ecolabel", "bidons de 5 litres remplaçant 200 litres de produit prêt à l'emploi", "protocole conforme à la méthode HACCP"},
			Services: []string{"installation des centrales", "plan d'hygiène personnalisé", "formation et affichage des protocoles"},
			Cost:     [2]int{500, 1400}, Quantities: []int{2, 4, 6}, Lead: [2]int{1, 2},
			Needs:      []string{"maîtriser le coût des produits", "sécuriser les agents (moins de manipulation)", "réussir les audits d'hygiène"},
			Objections: []string{"Le changement de protocole demandera du temps de formation.", "Nos produits actuels sont moins chers au litre."},
		}},
	},
	{
		Name:    "Matériel d'emballage",
		Sellers: []string{"distributeur de matériel d'emballage", "fabricant de solutions d'emballage"},
		Clients: []Org{{"utilisateur", "prestataire logistique", ""}, {"utilisateur", "site d'expédition de vente en ligne", ""}, {"intégrateur", "intégrateur de lignes de conditionnement", ""}},
		Offers: []Offer{{
			Name: "banderoleuse semi-automatique", Unit: "banderoleuse",
			Specs:    []string{"plateau tournant de 1 650 mm", "pré-étirage du film à 250 %", "jusqu'à 25 palettes par heure", "programmes mémorisés par type de charge"},
			Services: []string{"installation et réglage", "formation des caristes", "contrat de maintenance"},
			Cost:     [2]int{5000, 12000}, Quantities: []int{1, 2}, Lead: [2]int{3, 6},
			Needs:      []string{"réduire la consommation de film", "sécuriser les palettes pendant le transport", "supprimer le banderolage manuel"},
			Objections: []string{"Le banderolage manuel ne nous coûte rien.", "Nous manquons de place au quai."},
		}, {
			Name: "film étirable machine 17 µm", Unit: "palette de film",
			Specs:    []string{"film de 17 µm aussi résistant qu'un film de 23 µm", "30 % de matière recyclée", "bobines de 1 800 mètres", "livraison programmée"},
			Services: []string{"audit de banderolage", "stock de sécurité chez le fournisseur", "reprise des mandrins"},
			Cost:     [2]int{300, 620}, Quantities: []int{10, 20, 40}, Lead: [2]int{1, 2},
			Needs:      []string{"réduire le plastique consommé", "garantir la tenue des charges", "ne jamais manquer de film"},
			Objections: []string{"Un film plus fin va se déchirer.", "Votre prix au kilo est plus élevé."},
		}},
	},
	{
		Name:    "Matériels et fournitures pour le transport et la manutention",
		Sellers: []string{"concessionnaire de matériels de manutention", "distributeur d'équipements de manutention"},
		Clients: []Org{{"utilisateur", "plateforme logistique", ""}, {"utilisateur", "négoce de matériaux", ""}, {"utilisateur", "entreprise de transport routier", ""}},
		Offers: []Offer{{
			Name: "chariot élévateur électrique 2,5 tonnes", Unit: "chariot",
			Specs:    []string{"levée de 4,5 mètres", "batterie lithium avec charge d'opportunité", "rayon de braquage réduit pour les allées étroites", "système de pesée intégré"},
			Services: []string{"formation à la conduite en sécurité", "contrat de maintenance tout compris", "reprise des anciens chariots"},
			Cost:     [2]int{18000, 30000}, Quantities: []int{1, 2, 3}, Lead: [2]int{4, 10},
			Needs:      []string{"remplacer des chariots thermiques", "réduire les coûts d'énergie", "travailler en intérieur sans émissions"},
			Objections: []string{"La location longue durée serait plus souple.", "Les batteries lithium coûtent trop cher à remplacer."},
		}, {
			Name: "transpalette électrique à conducteur accompagnant", Unit: "transpalette",
			Specs:    []string{"capacité de 1,6 tonne", "timon à vitesse réduite pour les espaces étroits", "batterie lithium de 2,5 heures d'autonomie", "poids de 160 kg"},
			Services: []string{"formation des utilisateurs", "maintenance préventive", "batterie de remplacement en prêt"},
			Cost:     [2]int{1500, 3200}, Quantities: []int{2, 4, 6, 10}, Lead: [2]int{1, 4},
			Needs:      []string{"réduire les troubles musculo-squelettiques", "accélérer le chargement des camions", "équiper les camions de livraison"},
			Objections: []string{"Un transpalette manuel fait l'affaire.", "Nos caristes n'ont pas le temps d'être formés."},
		}},
	},
	{
		Name:    "Équipements pour le nautisme",
		Sellers: []string{"distributeur d'équipements nautiques", "fournisseur d'équipements portuaires et nautiques"},
		Clients: []Org{{"utilisateur", "base nautique municipale", "Base nautique municipale de {city}"}, {"utilisateur", "loueur de bateaux", ""}, {"distributeur", "chantier naval", ""}},
		Offers: []Offer{{
			Name: "moteur hors-bord 4 temps de 60 ch", Unit: "moteur",
			Specs:    []string{"injection électronique", "trim et relevage assistés", "consommation de 18 litres par heure à régime de croisière", "compatible avec la commande à distance existante"},
			Services: []string{"montage et essais en mer", "entretien des 20 premières heures", "extension de garantie"},
			Cost:     [2]int{6000, 9500}, Quantities: []int{1, 2, 4}, Lead: [2]int{2, 6},
			Needs:      []string{"renouveler une flotte avant la saison", "réduire la consommation de carburant", "limiter les pannes en pleine saison"},
			Objections: []string{"Nos moniteurs connaissent l'autre marque.", "Les pièces détachées sont-elles disponibles en saison ?"},
		}, {
			Name: "ponton flottant modulaire", Unit: "module de 10 mètres",
			Specs:    []string{"flotteurs en polyéthylène", "platelage antidérapant en composite", "charge admissible de 400 kg/m²", "raccordement eau et électricité intégré"},
			Services: []string{"étude d'implantation", "montage sur site", "inspection annuelle"},
			Cost:     [2]int{4000, 8000}, Quantities: []int{2, 4, 6}, Lead: [2]int{6, 12},
			Needs:      []string{"augmenter le nombre d'anneaux", "améliorer la sécurité des usagers", "réduire l'entretien des pontons en bois"},
			Objections: []string{"Le budget de la collectivité est voté une fois par an.", "Les pontons en bois s'intègrent mieux au paysage."},
		}},
	},
}

var nrcSectors = map[string][]Sector{
	ClientParticulier: {
		{
			Name:    "Cuisine équipée",
			Sellers: []string{"cuisiniste", "magasin de cuisines et d'électroménager"},
			Clients: []Org{{"", "un couple qui vient d'acheter une maison", ""}, {"", "une famille avec deux enfants", ""}, {"", "un couple de retraités qui rénove son appartement", ""}},
			Place:   []string{"en salle d'exposition", "à son domicile"},
			Offers: []Offer{{
				Name: "cuisine équipée sur mesure", Unit: "cuisine",
				Specs:    []string{"façades laquées et plan de travail en quartz", "électroménager encastrable de classe énergétique A", "rangements à fermeture amortie", "plan en 3D réalisé avec le client"},
				Services: []string{"métré à domicile", "pose par nos équipes", "garantie de 10 ans sur les meubles"},
				Cost:     [2]int{4000, 11000}, Quantities: []int{1}, RoundTTC: true, Lead: [2]int{6, 10},
				Needs:      []string{"une cuisine ouverte et conviviale", "beaucoup de rangements", "un budget maîtrisé"},
				Objections: []string{"Un magasin en libre-service me propose une cuisine similaire moins chère.", "Six semaines de délai, c'est trop long."},
			}},
		},
		{
			Name:    "Pompe à chaleur",
			Sellers: []string{"installateur de chauffage", "entreprise de rénovation énergétique"},
			Clients: []Org{{"", "une famille qui se chauffe au fioul", ""}, {"", "un couple de retraités", ""}, {"", "un jeune couple qui vient d'acheter sa maison", ""}},
			Place:   []string{"à son domicile", "en salon"},
			Offers: []Offer{{
				Name: "pompe à chaleur air/eau 11 kW posée", Unit: "installation",
				Specs:    []string{"coefficient de performance saisonnier de 4,3", "production d'eau chaude sanitaire", "pilotage par smartphone", "installation par un artisan qualifié RGE"},
				Services: []string{"étude thermique gratuite", "montage du dossier d'aides", "contrat d'entretien annuel"},
				Cost:     [2]int{7000, 11000}, Quantities: []int{1}, RoundTTC: true, Lead: [2]int{3, 8},
				TVA: 5.5, TVANote: "taux réduit des travaux de rénovation énergétique d'un logement achevé depuis plus de deux ans",
				Needs:      []string{"réduire la facture de chauffage", "remplacer une chaudière vieillissante", "gagner en confort"},
				Objections: []string{"J'ai entendu dire que les pompes à chaleur sont bruyantes.", "Je ne suis pas sûr d'avoir droit aux aides."},
			}},
		},
		{
			Name:    "Fenêtres et menuiseries",
			Sellers: []string{"fabricant-poseur de menuiseries", "magasin de menuiseries"},
			Clients: []Org{{"", "une famille dans une maison des années 1970", ""}, {"", "une famille gênée par le bruit de la rue", ""}, {"", "un couple qui veut mieux sécuriser sa maison", ""}},
			Place:   []string{"à son domicile", "en salle d'exposition", "en salon"},
			Offers: []Offer{{
				Name: "remplacement de 8 fenêtres en PVC double vitrage", Unit: "chantier de 8 fenêtres",
				Specs:    []string{"coefficient thermique Uw de 1,3", "vitrage feuilleté acoustique côté rue", "volets roulants solaires en option", "pose en rénovation sans abîmer les murs"},
				Services: []string{"métré et devis à domicile", "dépose et recyclage des anciennes fenêtres", "garantie de 10 ans"},
				Cost:     [2]int{4500, 8000}, Quantities: []int{1}, RoundTTC: true, Lead: [2]int{4, 8},
				TVA: 5.5, TVANote: "taux réduit des travaux de rénovation énergétique d'un logement achevé depuis plus de deux ans",
				Needs:      []string{"moins de bruit et de courants d'air", "réduire la facture de chauffage", "sécuriser la maison"},
				Objections: []string{"Un autre menuisier m'a fait un devis plus bas.", "Je préférerais des fenêtres en bois."},
			}},
		},
		{
			Name:    "Automobile",
			Sellers: []string{"concession automobile", "agent automobile"},
			Clients: []Org{{"", "un jeune couple qui achète sa première voiture neuve", ""}, {"", "une famille qui remplace un vieux diesel", ""}, {"", "un foyer dont l'un des membres roule beaucoup pour son travail", ""}},
			Place:   []string{"en salle d'exposition", "sur une unité de vente"},
			Offers: []Offer{{
				Name: "citadine hybride neuve", Unit: "véhicule",
				Specs:    []string{"consommation mixte de 4,2 litres aux 100 km", "boîte automatique", "aides à la conduite : freinage d'urgence, régulateur adaptatif", "garantie constructeur de 5 ans"},
				Services: []string{"reprise de l'ancien véhicule", "extension de garantie", "forfait d'entretien de 3 ans"},
				Cost:     [2]int{16000, 22000}, Quantities: []int{1}, RoundTTC: true, Lead: [2]int{2, 12},
				Needs:      []string{"une voiture économique pour les trajets quotidiens", "un véhicule sûr pour la famille", "une mensualité maîtrisée"},
				Objections: []string{"La concession voisine fait une meilleure reprise.", "Je préfère attendre les promotions de fin d'année."},
			}},
		},
		{
			Name:    "Vélo à assistance électrique",
			Sellers: []string{"magasin de cycles", "enseigne spécialisée dans la mobilité électrique"},
			Clients: []Org{{"", "un foyer qui veut se passer de sa seconde voiture", ""}, {"", "un couple de jeunes retraités sportifs", ""}, {"", "une famille qui veut emmener les enfants à l'école à vélo", ""}},
			Place:   []string{"sur une unité de vente", "en salon"},
			Offers: []Offer{{
				Name: "vélo à assistance électrique", Unit: "vélo",
				Specs:    []string{"moteur central de 85 Nm", "batterie de 625 Wh : jusqu'à 120 km d'autonomie", "transmission à 10 vitesses", "cadre disponible en 4 tailles"},
				Services: []string{"essai sur route", "révision offerte à 500 km", "antivol et assurance contre le vol"},
				Cost:     [2]int{1200, 3200}, Quantities: []int{1}, RoundTTC: true, Lead: [2]int{1, 4},
				Needs:      []string{"aller au travail sans transpirer", "remplacer une seconde voiture", "un vélo fiable et sûr"},
				Objections: []string{"Le même vélo est moins cher sur internet.", "J'ai peur de me le faire voler."},
			}},
		},
	},
	ClientEntreprise: {
		{
			Name:    "Mobilier de bureau",
			Sellers: []string{"distributeur de mobilier de bureau", "aménageur d'espaces de travail"},
			Clients: []Org{{"", "cabinet d'expertise comptable", ""}, {"", "agence de communication", ""}, {"", "mairie qui rénove ses bureaux", "Mairie de {city}"}},
			Offers: []Offer{{
				Name: "poste de travail ergonomique (bureau réglable et siège)", Unit: "poste",
				Specs:    []string{"bureau électrique réglable en hauteur", "siège avec soutien lombaire réglable", "certification environnementale du mobilier", "garantie de 5 ans"},
				Services: []string{"plan d'aménagement", "livraison et montage", "reprise de l'ancien mobilier"},
				Cost:     [2]int{450, 950}, Quantities: []int{10, 20, 40}, Lead: [2]int{3, 6},
				Needs:      []string{"réduire les plaintes de maux de dos", "attirer et fidéliser les salariés", "réaménager en espaces partagés"},
				Objections: []string{"Nous pouvons garder nos bureaux actuels encore quelques années.", "Le montage va perturber les équipes."},
			}},
		},
		{
			Name:    "Téléphonie professionnelle",
			Sellers: []string{"revendeur de solutions de téléphonie", "opérateur de télécommunications pour les entreprises"},
			Clients: []Org{{"", "entreprise de transport", ""}, {"", "réseau d'agences immobilières", ""}, {"", "entreprise du bâtiment", ""}},
			Offers: []Offer{{
				Name: "smartphone professionnel durci avec gestion de flotte", Unit: "smartphone",
				Specs:    []string{"écran renforcé et coque étanche", "batterie remplaçable", "gestion de flotte à distance (effacement en cas de perte)", "mises à jour de sécurité pendant 5 ans"},
				Services: []string{"configuration avant livraison", "échange sous 24 heures en cas de panne", "formation des responsables"},
				Cost:     [2]int{300, 700}, Quantities: []int{10, 25, 50}, Lead: [2]int{1, 3},
				Needs:      []string{"équiper les équipes de terrain", "protéger les données de l'entreprise", "réduire les casses et les pertes"},
				Objections: []string{"Nos salariés préfèrent utiliser leur propre téléphone.", "Notre opérateur nous offre des téléphones."},
			}},
		},
		{
			Name:    "Logiciel de gestion",
			Sellers: []string{"éditeur de logiciels de gestion", "intégrateur de logiciels"},
			Clients: []Org{{"", "PME industrielle", ""}, {"", "réseau de franchisés", ""}, {"", "association d'aide à domicile", "Association {name}"}},
			Offers: []Offer{{
				Name: "logiciel de gestion de la relation client (licence annuelle par utilisateur)", Unit: "licence",
				Specs:    []string{"fichier clients unique et historique des échanges", "application mobile pour les commerciaux", "tableaux de bord des ventes", "hébergement des données en France"},
				Services: []string{"reprise des données existantes", "formation des utilisateurs", "assistance téléphonique"},
				Cost:     [2]int{200, 480}, Quantities: []int{5, 10, 20, 40}, Lead: [2]int{2, 6},
				Needs:      []string{"ne plus perdre d'informations sur les clients", "suivre l'activité commerciale", "remplacer des tableurs partagés"},
				Objections: []string{"Nos tableurs fonctionnent très bien.", "Nos commerciaux ne vont pas saisir leurs rendez-vous."},
			}},
		},
		{
			Name:    "Formation professionnelle",
			Sellers: []string{"organisme de formation", "centre de formation à la sécurité"},
			Clients: []Org{{"", "entreprise de logistique", ""}, {"", "comité social et économique d'une usine", "Comité social et économique de {name}"}, {"", "collectivité territoriale", "Mairie de {city}"}},
			Offers: []Offer{{
				Name: "formation sauveteur secouriste du travail (SST)", Unit: "session de 2 jours pour 10 stagiaires",
				Specs:    []string{"formateurs certifiés", "certificat valable 24 mois", "formation dans les locaux du client", "mises en situation adaptées aux risques du métier"},
				Services: []string{"gestion des inscriptions", "recyclage des certificats", "aide au dossier de financement"},
				Cost:     [2]int{900, 1800}, Quantities: []int{1, 2, 3, 5}, Lead: [2]int{2, 6},
				Needs:      []string{"respecter l'obligation d'avoir des secouristes", "former sans arrêter l'activité", "réduire les accidents du travail"},
				Objections: []string{"Nous ne pouvons pas libérer dix salariés en même temps.", "Notre budget de formation est déjà engagé."},
			}},
		},
		{
			Name:    "Équipement des locaux",
			Sellers: []string{"distributeur de fontaines à eau", "prestataire de services aux entreprises"},
			Clients: []Org{{"", "centre d'appels", ""}, {"", "clinique vétérinaire", ""}, {"", "école de commerce", ""}},
			Offers: []Offer{{
				Name: "fontaine à eau sur réseau avec eau gazeuse", Unit: "fontaine",
				Specs:    []string{"filtration à charbon actif", "eau fraîche, tempérée et gazeuse", "jusqu'à 60 litres par heure", "désinfection automatique"},
				Services: []string{"installation sur le réseau d'eau", "changement des filtres tous les 6 mois", "maintenance sous 48 heures"},
				Cost:     [2]int{500, 1200}, Quantities: []int{2, 4, 6, 10}, Lead: [2]int{1, 3},
				Needs:      []string{"supprimer les bouteilles en plastique", "offrir un service apprécié des salariés ou des clients", "réduire la manutention des bonbonnes"},
				Objections: []string{"La location serait plus simple qu'un achat.", "L'eau du robinet suffit."},
			}},
		},
	},
	ClientDistributeur: {
		{
			Name:    "Épicerie biologique",
			Sellers: []string{"biscuiterie artisanale", "producteur de produits biologiques"},
			Clients: []Org{{"", "hypermarché d'une enseigne d'indépendants", ""}, {"", "centrale d'achat régionale", ""}, {"", "magasin spécialisé bio", ""}},
			Offers: []Offer{{
				Name: "biscuits biologiques (gamme de 6 références)", Unit: "carton de 12 paquets",
				Specs:    []string{"farine et beurre d'origine française", "label Agriculture biologique", "emballage recyclable", "date de durabilité de 9 mois"},
				Services: []string{"animation dégustation en magasin", "présentoir de sol", "réassort hebdomadaire"},
				Cost:     [2]int{10, 18}, Quantities: []int{100, 200, 400}, Lead: [2]int{1, 2},
				TVA: 5.5, TVANote: "taux réduit des produits alimentaires",
				Needs:      []string{"développer le rayon bio", "des produits locaux qui fidélisent", "une rotation suffisante"},
				Objections: []string{"Je n'ai pas de place dans le linéaire.", "Les grandes marques me donnent un budget de coopération commerciale plus élevé."},
			}},
		},
		{
			Name:    "Boissons",
			Sellers: []string{"producteur de jus de fruits", "coopérative fruitière"},
			Clients: []Org{{"", "supermarché indépendant", ""}, {"", "centrale d'achat régionale", ""}, {"", "caviste", ""}},
			Offers: []Offer{{
				Name: "jus de pomme artisanaux (3 variétés)", Unit: "carton de 6 bouteilles d'un litre",
				Specs:    []string{"pur jus sans sucres ajoutés", "pommes récoltées à moins de 50 km", "bouteille en verre consignée", "médaille au concours régional"},
				Services: []string{"théâtralisation du rayon", "PLV et stop-rayons", "reprise des invendus en fin de saison"},
				Cost:     [2]int{8, 14}, Quantities: []int{100, 250, 500}, Lead: [2]int{1, 2},
				TVA: 5.5, TVANote: "taux réduit des produits alimentaires",
				Needs:      []string{"un produit local pour se différencier", "des animations qui font venir les clients", "une marge correcte"},
				Objections: []string{"Le verre consigné complique la gestion en magasin.", "Vos prix sont plus élevés que ceux des marques nationales."},
			}},
		},
		{
			Name:    "Cosmétiques",
			Sellers: []string{"laboratoire de cosmétiques naturels", "fabricant de soins naturels"},
			Clients: []Org{{"", "parapharmacie indépendante", ""}, {"", "hypermarché d'une enseigne d'indépendants", ""}, {"", "magasin spécialisé bio", ""}},
			Offers: []Offer{{
				Name: "soins du visage certifiés biologiques (gamme de 5 références)", Unit: "carton de 12 produits",
				Specs:    []string{"certification biologique", "fabrication française", "flacons en verre recyclé", "testés sous contrôle dermatologique"},
				Services: []string{"formation des vendeuses", "échantillons pour les clientes", "présentoir de comptoir"},
				Cost:     [2]int{25, 48}, Quantities: []int{50, 100, 200}, Lead: [2]int{1, 3},
				Needs:      []string{"répondre à la demande de produits naturels", "un panier moyen plus élevé", "des produits qui se distinguent de la grande distribution"},
				Objections: []string{"Ma clientèle ne connaît pas votre marque.", "J'ai déjà trois marques bio en rayon."},
			}},
		},
		{
			Name:    "Petit électroménager",
			Sellers: []string{"fabricant de petit électroménager", "importateur de petit électroménager"},
			Clients: []Org{{"", "magasin d'électroménager indépendant", ""}, {"", "centrale d'achat d'un groupement", ""}, {"", "hypermarché d'une enseigne d'indépendants", ""}},
			Offers: []Offer{{
				Name: "blender chauffant", Unit: "appareil",
				Specs:    []string{"puissance de 1 400 W", "programmes soupe, smoothie et compote", "bol en verre de 1,75 litre", "pièces détachées disponibles 10 ans"},
				Services: []string{"démonstrations en magasin", "budget de publicité sur le lieu de vente", "service après-vente en 72 heures"},
				Cost:     [2]int{28, 60}, Quantities: []int{50, 100, 300}, Lead: [2]int{2, 6},
				Needs:      []string{"un produit d'appel pour les fêtes", "un fournisseur fiable sur les délais", "un service après-vente qui ne surcharge pas le magasin"},
				Objections: []string{"Les grandes marques tirent mieux les ventes.", "Votre délai de réapprovisionnement est trop long pour Noël."},
			}},
		},
		{
			Name:    "Jardinage",
			Sellers: []string{"fabricant d'outillage de jardin", "distributeur d'articles de jardinage"},
			Clients: []Org{{"", "jardinerie indépendante", ""}, {"", "magasin de bricolage franchisé", ""}, {"", "centrale d'achat d'une coopérative agricole", ""}},
			Offers: []Offer{{
				Name: "outils de jardin à manche en frêne (gamme de 8 références)", Unit: "lot de 10 outils",
				Specs:    []string{"acier forgé", "manches en frêne français", "garantie à vie", "étiquetage explicatif pour le libre-service"},
				Services: []string{"mise en place du rayon", "présentoir mural", "réassort automatique"},
				Cost:     [2]int{90, 220}, Quantities: []int{20, 50, 100}, Lead: [2]int{2, 4},
				Needs:      []string{"une gamme durable pour se distinguer", "une présentation qui vend seule", "un fournisseur réactif au printemps"},
				Objections: []string{"La saison est déjà commencée, c'est trop tard.", "Les outils premier prix se vendent mieux."},
			}},
		},
	},
}

// Buyers' jobs (masculine and feminine forms) and their role in the buying
// centre (centre d'achat).
type job struct {
	Title, TitleF string
	Role          string // décideur, acheteur, prescripteur, utilisateur, conseiller, payeur, influenceur, filtre
}

var b2bJobs = []job{
	{"responsable des achats", "responsable des achats", "acheteur"},
	{"directeur technique", "directrice technique", "prescripteur"},
	{"responsable de la maintenance", "responsable de la maintenance", "utilisateur"},
	{"directeur général", "directrice générale", "décideur"},
	{"responsable qualité, sécurité, environnement", "responsable qualité, sécurité, environnement", "prescripteur"},
	{"directeur administratif et financier", "directrice administrative et financière", "payeur"},
	{"chef d'atelier", "cheffe d'atelier", "utilisateur"},
	{"assistant de direction", "assistante de direction", "filtre"},
}

var distributorJobs = []job{
	{"acheteur en centrale d'achat", "acheteuse en centrale d'achat", "acheteur"},
	{"chef de rayon", "cheffe de rayon", "utilisateur"},
	{"directeur du magasin", "directrice du magasin", "décideur"},
	{"responsable de catégorie", "responsable de catégorie", "prescripteur"},
}

var householdJobs = []job{
	{"client", "cliente", "décideur"},
	{"conjoint", "conjointe", "influenceur"},
	{"fils qui accompagne", "fille qui accompagne", "conseiller"},
}

// personality is a communication style with how to play it.
type personality struct {
	Style  string
	StyleF string
	Play   string // for the buyer
	Signal string // what the jury watches for
	Hard   int    // 1–3: how hard it is to face
}

var personalities = []personality{
	{"analytique", "analytique", "Vous demandez des chiffres, des preuves et des documents ; vous prenez des notes et ne décidez pas dans l'émotion.", "Le candidat apporte-t-il des preuves chiffrées et des documents ?", 2},
	{"directif", "directive", "Vous allez droit au but, coupez la parole si le vendeur s'étend et exigez une proposition rapide.", "Le candidat reste-t-il structuré et concis sous la pression ?", 3},
	{"expressif", "expressive", "Vous parlez beaucoup, racontez des anecdotes, vous enthousiasmez puis changez de sujet.", "Le candidat recentre-t-il l'entretien sans froisser ?", 2},
	{"aimable", "aimable", "Vous entretenez une relation cordiale, évitez de dire non et repoussez la décision pour ne froisser personne.", "Le candidat obtient-il un engagement clair ?", 1},
	{"méfiant", "méfiante", "Un fournisseur vous a déjà fait faux bond : vous doutez de chaque promesse et demandez des garanties.", "Le candidat rassure-t-il par des garanties et des références ?", 3},
	{"pressé", "pressée", "Vous n'avez que quelques minutes : vous regardez votre montre et voulez l'essentiel.", "Le candidat hiérarchise-t-il ses arguments ?", 2},
}

// motivation is a buying motive (SONCAS) with what it takes to sign.
type motivation struct {
	Letter, Name string
	Sign         string // what makes the buyer sign
}

var motivations = []motivation{
	{"S", "sécurité", "vous obtenez des garanties écrites, des références de clients comparables et un service après-vente réactif"},
	{"O", "orgueil", "le vendeur vous traite en client important et vous permet de présenter cet achat comme une réussite personnelle"},
	{"N", "nouveauté", "l'offre vous apporte une innovation visible, que vous serez parmi les premiers à adopter"},
	{"C", "confort", "tout est pris en charge : livraison, installation et formation"},
	{"A", "argent", "le vendeur chiffre votre gain (économies, retour sur investissement) et fait un effort sur le prix"},
	{"S", "sympathie", "le vendeur vous écoute sincèrement et vous inspire confiance"},
}

// Objections every deal may meet, by category; {competitor}, {pct} and
// {weeks} are filled in.
var commonObjections = []struct{ Category, Text string }{
	{"prix", "C'est trop cher pour nous."},
	{"prix", "{competitor} nous propose une offre équivalente {pct} % moins chère."},
	{"délai", "Il nous faudrait une livraison en {weeks}, pas plus."},
	{"confiance", "Je ne vous connais pas : qu'est-ce qui me garantit votre sérieux ?"},
	{"besoin", "Je ne vois pas pourquoi nous en aurions besoin maintenant."},
	{"décision", "Je dois en parler à ma direction avant de m'engager."},
	{"concurrence", "Nous travaillons avec {competitor} depuis des années et nous en sommes satisfaits."},
}

// firstNames: the first 20 are women's names, the last 20 men's.
var firstNames = []string{
	"Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma", "Jade", "Louise",
	"Nadia", "Fatou", "Sophie", "Aurélie", "Claire", "Nathalie", "Isabelle", "Mélanie", "Yasmine", "Agathe",
	"Thomas", "Lucas", "Hugo", "Nicolas", "Julien", "Karim", "Mehdi", "Antoine", "Maxime", "Romain",
	"Pierre", "Olivier", "Stéphane", "Yann", "Kevin", "Samuel", "Théo", "Bruno", "Didier", "Malik",
}

var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
	"Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
	"Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
	"Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
	"Benali", "Diallo", "Nguyen", "Traoré", "Haddad", "Le Goff", "Le Bihan", "Da Silva", "Ferreira", "Schmitt",
}

var cities = []string{
	"Lyon", "Nantes", "Lille", "Rennes", "Bordeaux", "Toulouse", "Strasbourg", "Montpellier", "Grenoble", "Dijon",
	"Angers", "Tours", "Reims", "Rouen", "Caen", "Brest", "Metz", "Nancy", "Clermont-Ferrand", "Limoges",
	"Poitiers", "Amiens", "Besançon", "Orléans", "Le Mans", "Saint-Étienne", "Pau", "Bayonne", "Valence", "Annecy",
	"Chambéry", "Niort", "La Rochelle", "Lorient", "Quimper", "Vannes", "Troyes", "Colmar", "Mulhouse", "Perpignan",
}

// Company names are built from a stem and an ending.
var nameStems = []string{
	"Alti", "Bora", "Cala", "Delta", "Elec", "Flexi", "Galva", "Hydra", "Indu", "Jura",
	"Kéra", "Lumi", "Mécha", "Nova", "Opti", "Prova", "Quali", "Rhéa", "Sécu", "Terra",
	"Ultra", "Valo", "Wata", "Xéna", "Ypso", "Zéphy", "Arvé", "Brévi", "Cirrus", "Dura",
}

var nameEnds = []string{
	"tec", "vis", "nov", "pro", "lia", "lux", "tis", "mat", "sys", "line", "group", "tech", "form", "mer", "val",
}

var legalForms = []string{"SAS", "SARL", "SA"}
