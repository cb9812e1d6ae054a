package discord

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/quiz"
)

// A question that asks a figure is answered in a form: « Répondre » opens
// it, what is typed is read leniently, what cannot be read is refused and
// records nothing.
func TestTypedAnswerThroughAForm(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, paris)}
	h := start(t, nil, "", nil, withQuiz(t, clock))
	ctx := context.Background()
	var it *quiz.Item
	for _, x := range bank.Items {
		if x.Kind == quiz.KindDurTyped && x.Answer() == "4 h" {
			it = x
			break
		}
	}
	if it == nil {
		t.Fatal("no typed duration of 4 h in the bank")
	}
	p := tutor.QuizPost{GuildID: "guild-1", ChannelID: "chan-1", UserID: "user-1", ItemID: it.ID}
	if err := h.store.AddPost(ctx, &p); err != nil {
		t.Fatal(err)
	}
	open := fmt.Sprintf("t:%d", p.ID)
	form := click(h, open, "user-1")
	if form.Type != 9 {
		t.Fatalf("« Répondre » answered with a callback of type %d, want a form (9)", form.Type)
	}
	submit := func(value string) string {
		in := discordtest.Submit(fmt.Sprintf("a:%d", p.ID), "v", value)
		in.UserID = "user-1"
		_, cb, _ := h.ask(in)
		return text(cb)
	}
	if got := submit("4"); !strings.Contains(got, "Précisez l'unité") || !strings.Contains(got, "rien n'est enregistré") {
		t.Errorf("a duration without its unit: %s", got)
	}
	if _, ok, _ := h.store.Card(ctx, "user-1", it.ID); ok {
		t.Error("an unreadable answer was recorded")
	}
	if got := submit("4 heures"); !strings.Contains(got, "✅ **Bonne réponse : 4 h**") || !strings.Contains(got, "— BTS") {
		t.Errorf("right answer: %s", got)
	}
	if got := submit("3 h"); !strings.Contains(got, "déjà répondu") {
		t.Errorf("second answer: %s", got)
	}
	if card, ok, _ := h.store.Card(ctx, "user-1", it.ID); !ok || card.Reps != 1 {
		t.Errorf("card %+v", card)
	}
	// A form for a question that no longer exists, or sent by someone else.
	if got := submit(""); !strings.Contains(got, "Tapez une durée") {
		t.Errorf("empty answer: %s", got)
	}
	in := discordtest.Submit("a:999999", "v", "4 h")
	if _, cb, _ := h.ask(in); !strings.Contains(text(cb), "n'existe plus") {
		t.Errorf("unknown post: %s", text(cb))
	}
	in = discordtest.Submit("zz", "v", "4 h")
	if _, cb, _ := h.ask(in); !strings.Contains(text(cb), "ne correspond") {
		t.Errorf("unknown form: %s", text(cb))
	}
	// A choice question's buttons do not take a typed answer.
	var mcq *quiz.Item
	for _, x := range bank.Items {
		if !x.Typed {
			mcq = x
			break
		}
	}
	q := tutor.QuizPost{GuildID: "guild-1", ChannelID: "chan-1", UserID: "user-1", ItemID: mcq.ID}
	if err := h.store.AddPost(ctx, &q); err != nil {
		t.Fatal(err)
	}
	in = discordtest.Submit(fmt.Sprintf("a:%d", q.ID), "v", "B")
	in.UserID = "user-1"
	if _, cb, _ := h.ask(in); !strings.Contains(text(cb), "boutons A à D") {
		t.Errorf("typed answer to a choice question: %s", text(cb))
	}
}
