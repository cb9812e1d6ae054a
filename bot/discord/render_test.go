package discord

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

// hugeReply is longer than any Discord message in every dimension.
func hugeReply(citations, textLen int) tutor.Reply {
	r := tutor.Reply{Question: strings.Repeat("question ", 300), Mode: "extractive"}
	var answer strings.Builder
	for i := 1; i <= citations; i++ {
		fmt.Fprintf(&answer, "Ligne %d de la réponse, avec une citation [%d] et du texte pour remplir.\n", i, i)
		r.Citations = append(r.Citations, tutor.Citation{
			N: i, Diploma: "CCST", Source: "bts-ccst-referentiel.md", Lines: tutor.Lines{i, i + 3},
			Section: strings.Repeat("Annexe › Bloc › Partie très longue ", 40),
			Text:    strings.Repeat("mot ", textLen/4), DocTitle: strings.Repeat("Titre ", 100), DocDate: "2020",
		})
	}
	r.Answer = strings.Repeat(answer.String(), 20)
	return r
}

func TestOverLongContentFitsDiscordLimits(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 3, 24, 25, 26, 60} {
		r := hugeReply(n, 900)
		resp := bot.Response{Title: r.Question, Reply: &r, Hint: strings.Repeat("astuce ", 500)}
		embeds := []*discordgo.MessageEmbed{answerEmbed(resp)}
		comps := answerButtons(1<<62 - 1)
		body := mustJSON(t, discordgo.WebhookEdit{Embeds: &embeds, Components: &comps, AllowedMentions: noMentions()})
		if v := discordtest.CheckMessage(body); len(v) > 0 {
			t.Errorf("%d citations: answer embed: %v", n, v)
		}
		e := embeds[0]
		if n > 0 && len(e.Fields) == 0 {
			t.Errorf("%d citations: no source shown", n)
		}
		if runes(r.Answer) > maxDescription && !strings.Contains(e.Description, "réponse abrégée") {
			t.Errorf("%d citations: the cut is not said", n)
		}
		if n > 0 {
			p := passageEmbeds(r)
			body := mustJSON(t, discordgo.InteractionResponseData{Embeds: p, Flags: ephemeral, AllowedMentions: noMentions()})
			if v := discordtest.CheckMessage(body); len(v) > 0 {
				t.Errorf("%d citations: passages: %v", n, v)
			}
			if len(p) == 0 {
				t.Errorf("%d citations: no passage shown", n)
			}
			if n > len(p) && !strings.Contains(p[len(p)-1].Description, "non affiché") {
				t.Errorf("%d citations, %d shown: the rest is not mentioned", n, len(p))
			}
		}
	}
}

func TestPassagesOfAHugeStoredReplyOverTheWire(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	sr := tutor.StoredReply{GuildID: "guild-1", Reply: hugeReply(40, 3000)}
	if err := h.store.SaveReply(context.Background(), &sr); err != nil {
		t.Fatal(err)
	}
	_, cb, _ := h.ask(discordtest.Click(fmt.Sprintf("p:%d", sr.ID), "m"))
	if cb.Type != 4 || len(cb.Data.Embeds) == 0 {
		t.Fatalf("passages: %+v", cb)
	}
	// A maximal question is answered, its title clipped.
	q := "coef E4 CCST " + strings.Repeat("é", tutor.MaxQuestionLen-13)
	_, cb, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: q}))
	if cb.Type != 5 || edit.method != "PATCH" || len([]rune(edit.Embeds[0].Title)) > maxTitle {
		t.Fatalf("long question: %d %+v", cb.Type, edit)
	}
}

func TestClip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"court", 10, "court"},
		{"un deux trois quatre", 12, "un deux…"},
		{"ligne un\nligne deux", 15, "ligne un\n…"},
		{"ééééé", 3, "éé…"},
		{"abc", 1, "a"},
	}
	for _, tc := range tests {
		got := tutor.Clip(tc.in, tc.n)
		if got != tc.want || runes(got) > tc.n {
			t.Errorf("tutor.Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestParseButton(t *testing.T) {
	t.Parallel()
	for id, ok := range map[string]bool{
		"p:12": true, "v:12:+": true, "v:12:-": true,
		"p:0": false, "p:-1": false, "v:12": false, "v:12:x": false, "p:12:+": false, "": false, "x:1": false,
		"p:" + strings.Repeat("9", 120): false,
	} {
		if _, got := parseButton(id); got != ok {
			t.Errorf("parseButton(%q) ok = %v", id, got)
		}
	}
	for _, c := range answerButtons(1<<63 - 1)[0].(discordgo.ActionsRow).Components {
		if id := c.(discordgo.Button).CustomID; len(id) > maxCustomID {
			t.Errorf("custom id %q too long", id)
		}
	}
}

// A question shown as a title or a thread's name loses what could turn it
// around or make it look like a mention.
func TestPlainLine(t *testing.T) {
	for in, want := range map[string]string{
		"coef \u202eE4\u202c ccst ?":        "coef E4 ccst ?",
		"@here\tregardez\x07 ça":            "@\u2060here regardez ça",
		"@everyone coef\u200b e4":           "@\u2060everyone coef e4",
		"  plusieurs\n\nlignes  ":           "plusieurs lignes",
		"\u2066isolé\u2069 \ufeffet normal": "isolé et normal",
	} {
		if got := plainLine(in); got != want {
			t.Errorf("plainLine(%q) = %q, want %q", in, got, want)
		}
	}
	e := answerEmbed(bot.Response{Title: "\u202e@here coef", Reply: &tutor.Reply{Answer: "x"}})
	if e.Title != "@\u2060here coef" {
		t.Errorf("embed title %q", e.Title)
	}
}
