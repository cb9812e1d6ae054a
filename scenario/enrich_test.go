package scenario

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/btstutor/tutor/internal/openaitest"
	"github.com/btstutor/tutor/llm"
)

func TestEnrichKeepsTheGeneratorsFacts(t *testing.T) {
	g := generator(t)
	srv := openaitest.New(t)
	m, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: "sk-test", Model: "redacteur-7b", MaxTokens: 400,
		FirstToken: 2 * time.Second, Total: 5 * time.Second, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	base, err := g.Generate(Options{Diploma: "CCST", Seed: 11, Difficulty: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := base.Client
	company := strings.Fields(base.Context.Company)[0]
	good := company + " est une entreprise de " + base.Context.City + " qui propose " + base.Context.Offer + ". " +
		"Chez " + c.Organisation + ", " + c.Buyer.String() + " cherche une solution fiable et vous reçoit " + c.Place + ". " +
		"Vous devez comprendre ses besoins avant de proposer quoi que ce soit."
	tests := []struct {
		name  string
		reply openaitest.Reply
		ok    bool
	}{
		{"faithful", openaitest.Reply{Text: good}, true},
		{"invented price", openaitest.Reply{Text: good + " Le budget est de 12 500 euros."}, false},
		{"invented person", openaitest.Reply{Text: good + " Son collègue Gérard Dupuis assiste à l'entretien."}, false},
		{"competitor revealed", openaitest.Reply{Text: good + " Il a déjà consulté " + c.Competitor + "."}, false},
		{"mention", openaitest.Reply{Text: good + " @everyone"}, false},
		{"link", openaitest.Reply{Text: good + " Plus d'informations sur https://phish.example/brief."}, false},
		{"bare link", openaitest.Reply{Text: good + " Voir www.phish.example pour la suite."}, false},
		{"too short", openaitest.Reply{Text: company + "."}, false},
		{"server error", openaitest.Reply{Status: 500}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := *base
			srv.Push(tt.reply)
			if tt.reply.Status != 0 {
				srv.Push(tt.reply) // the retry
			}
			_, err := Enrich(context.Background(), m, &b)
			if tt.ok {
				if err != nil || b.Narrative != good || b.NarrativeBy != "redacteur-7b" || b.Note != "" {
					t.Fatalf("err %v, narrative %q by %q, note %q", err, b.Narrative, b.NarrativeBy, b.Note)
				}
			} else {
				if err == nil || b.Narrative != base.Narrative || b.NarrativeBy != "générateur" || b.Note == "" {
					t.Fatalf("err %v, narrative %q by %q, note %q", err, b.Narrative, b.NarrativeBy, b.Note)
				}
			}
			// Figures, parameters and criteria are never the model's.
			if b.Pricing != base.Pricing || len(b.Jury.Criteria) != len(base.Jury.Criteria) || b.Seller.Margin[0] != base.Seller.Margin[0] {
				t.Fatal("the model changed the figures")
			}
		})
	}
	// What the model was told: the facts, as data, without the hidden ones.
	got := srv.Received()
	if len(got) == 0 {
		t.Fatal("the model was not asked")
	}
	var req openaitest.ChatRequest
	if err := json.Unmarshal(got[0].Raw, &req); err != nil || len(req.Messages) != 2 {
		t.Fatalf("request %s: %v", got[0].Raw, err)
	}
	user := req.Messages[1].Content
	if !strings.Contains(user, base.Context.Offer) || strings.Contains(user, c.Competitor) || strings.Contains(user, base.Buyer.Ceiling.String()) {
		t.Errorf("prompt: %s", user)
	}
}
