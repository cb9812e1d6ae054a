package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tutor "github.com/btstutor/tutor"
	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
	"github.com/btstutor/tutor/quiz"
	"github.com/btstutor/tutor/sqlite"
)

var (
	bankOnce sync.Once
	bank     *quiz.Bank
)

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *fakeClock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

var paris, _ = time.LoadLocation("Europe/Paris")

func withQuiz(t testing.TB, c *fakeClock) func(*bot.Router) {
	bankOnce.Do(func() { bank = quiz.Build(testEngine(t).Corpus) })
	return func(r *bot.Router) {
		r.Quiz, r.Now = bank, c.Now
		r.Store.(*sqlite.Store).Now = c.Now // answers and runs dated by the same clock
	}
}

// buttonsOf returns the custom IDs of a callback's buttons.
func buttonsOf(cb callbackBody) []string {
	var ids []string
	for _, row := range cb.Data.Components {
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

func click(h *harness, id, user string) callbackBody {
	h.t.Helper()
	in := discordtest.Click(id, "msg-1")
	in.UserID = user
	_, cb, _ := h.ask(in)
	return cb
}

func text(cb callbackBody) string {
	s := cb.Data.Content
	for _, e := range cb.Data.Embeds {
		s += "\n" + e.all()
	}
	return s
}

func TestQuizQuestionAnswerAndReview(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, paris)}
	h := start(t, nil, "", nil, withQuiz(t, clock))
	ctx := context.Background()
	// Compétences: answered with buttons (a typed figure is tested apart).
	_, cb, _ := h.ask(discordtest.Command(bot.CmdQuiz, map[string]string{bot.OptDiplome: "CCST", bot.OptTheme: "competences"}))
	ids := buttonsOf(cb)
	if cb.Type != 4 || cb.Data.Flags&ephemeral == 0 || len(ids) != 4 || !strings.Contains(text(cb), "BTS CCST") || !strings.Contains(text(cb), "**D.**") {
		t.Fatalf("question: type %d flags %d buttons %v\n%s", cb.Type, cb.Data.Flags, ids, text(cb))
	}
	var post int64
	fmt.Sscanf(ids[0], "q:%d:0", &post)
	p, err := h.store.Post(ctx, post)
	if err != nil {
		t.Fatal(err)
	}
	it, _ := bank.Item(p.ItemID)
	if it.Theme != quiz.ThemeCompetences || it.Diploma != "CCST" {
		t.Errorf("item %+v", it)
	}
	wrong := (it.Correct + 1) % 4
	v := click(h, ids[wrong], "user-1")
	if !strings.Contains(text(v), "❌ Vous avez répondu "+bot.Letters[wrong]) || !strings.Contains(text(v), it.Answer()) ||
		!strings.Contains(text(v), "— BTS CCST") || !strings.Contains(text(v), "demain") {
		t.Errorf("verdict:\n%s", text(v))
	}
	// The correction offers to flag the question; two students flag it and
	// it is withheld, and listed for teachers.
	flag := bot.FlagButtonPrefix + it.ID
	if got := buttonsOf(v); !slices.Contains(got, flag) {
		t.Errorf("correction buttons %v, want %s", got, flag)
	}
	if f := click(h, flag, "user-1"); !strings.Contains(text(f), "signalée aux enseignants") {
		t.Errorf("flag: %s", text(f))
	}
	if f := click(h, flag, "user-1"); !strings.Contains(text(f), "déjà signalé") {
		t.Errorf("flag again: %s", text(f))
	}
	click(h, flag, "user-3")
	if !quiz.Withheld(ctx, h.store)[it.ID] {
		t.Error("flagged by two students and still asked")
	}
	voir := discordtest.Subcommand(bot.CmdConfig, bot.SubVoir, nil)
	voir.Permissions = discordtest.PermManageGuild
	if _, cb, _ := h.ask(voir); !strings.Contains(text(cb), it.ID) || !strings.Contains(text(cb), "retirée") {
		t.Errorf("teachers' list: %s", text(cb))
	}
	if v := click(h, ids[it.Correct], "user-1"); !strings.Contains(text(v), "déjà répondu") {
		t.Errorf("second click: %s", text(v))
	}
	if v := click(h, ids[it.Correct], "user-2"); !strings.Contains(text(v), "posée à quelqu'un d'autre") {
		t.Errorf("someone else's question: %s", text(v))
	}
	if v := click(h, "q:999999:1", "user-1"); !strings.Contains(text(v), "n'existe plus") {
		t.Errorf("unknown post: %s", text(v))
	}
	card, ok, _ := h.store.Card(ctx, "user-1", it.ID)
	if !ok || card.Stability <= 0 || card.Lapses != 1 || !card.Due.Equal(quiz.StartOfDay(clock.Now().AddDate(0, 0, 1))) {
		t.Fatalf("card %+v", card)
	}
	// Not due today; due tomorrow.
	_, cb, _ = h.ask(discordtest.Command(bot.CmdRevisions, nil))
	if !strings.Contains(text(cb), "Rien à revoir") {
		t.Errorf("revisions today: %s", text(cb))
	}
	clock.Add(25 * time.Hour)
	_, cb, _ = h.ask(discordtest.Command(bot.CmdRevisions, nil))
	if !strings.Contains(text(cb), it.Question) || !strings.Contains(text(cb), "1 question(s) à revoir") || len(buttonsOf(cb)) != 4 {
		t.Fatalf("revisions tomorrow: %s", text(cb))
	}
	v = click(h, buttonsOf(cb)[it.Correct], "user-1")
	if !strings.Contains(text(v), "✅ **Bonne réponse") {
		t.Errorf("review: %s", text(v))
	}
	if card, _, _ = h.store.Card(ctx, "user-1", it.ID); card.Reps != 1 || !card.Due.After(clock.Now()) {
		t.Errorf("card after review %+v", card)
	}
}

func TestReminderLeaderboardAndMyData(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 25, 12, 0, 0, 0, paris)}
	h := start(t, nil, "", nil, withQuiz(t, clock))
	ctx := context.Background()
	_, cb, _ := h.ask(discordtest.Command(bot.CmdQuiz, map[string]string{bot.OptDiplome: "NRC", bot.OptTheme: "competences"}))
	click(h, buttonsOf(cb)[0], "user-1")
	for _, tt := range []struct{ heure, fuseau, want string }{
		{"18h30", "", "18 h 30 (heure de Paris)"}, {"25h", "", "Heure illisible"},
		{"7h", "america/martinique", "7 h 00 (fuseau America/Martinique)"}, {"7h", "Mars/Olympus", "Fuseau horaire « Mars/Olympus » inconnu"},
		{"non", "", "Rappel supprimé"}, {"non", "", "pas de rappel"},
	} {
		_, cb, _ := h.ask(discordtest.Command(bot.CmdRappel, map[string]string{bot.OptHeure: tt.heure, bot.OptFuseau: tt.fuseau}))
		if !strings.Contains(text(cb), tt.want) {
			t.Errorf("rappel %s %s: %s", tt.heure, tt.fuseau, text(cb))
		}
		if tt.fuseau == "america/martinique" {
			if list, _ := h.store.Reminders(ctx); len(list) != 1 || list[0].Zone != "America/Martinique" || list[0].MinuteOfDay != 7*60 {
				t.Errorf("reminder stored %+v", list)
			}
		}
	}
	_, cb, _ = h.ask(discordtest.Command(bot.CmdClassement, nil))
	if cb.Data.Flags&ephemeral != 0 || !strings.Contains(text(cb), "<@user-1>") || !strings.Contains(text(cb), "sur 1") {
		t.Errorf("leaderboard (public, no ping): %s", text(cb))
	}
	_, cb, _ = h.ask(discordtest.Command(bot.CmdMesDonnees, map[string]string{bot.OptAction: bot.ActionVoir}))
	if !strings.Contains(text(cb), "réponses aux quiz : 1") || !strings.Contains(text(cb), "cartes de révision : 1") {
		t.Errorf("my data: %s", text(cb))
	}
	sent, _, _ := h.ask(discordtest.Command(bot.CmdMesDonnees, map[string]string{bot.OptAction: bot.ActionExporter}))
	r := h.fake.WaitFor("export", func(r discordtest.Request) bool { return r.Path == sent.CallbackPath() })
	var export struct {
		UserID string                      `json:"user_id"`
		Data   map[string][]map[string]any `json:"data"`
	}
	if err := json.Unmarshal(r.Files["mes-donnees.json"], &export); err != nil || export.UserID != "user-1" || len(export.Data["sr_cards"]) != 1 {
		t.Fatalf("export %v: %s", err, r.Files["mes-donnees.json"])
	}
	_, cb, _ = h.ask(discordtest.Command(bot.CmdMesDonnees, map[string]string{bot.OptAction: bot.ActionEffacer}))
	if ids := buttonsOf(cb); len(ids) != 1 || ids[0] != "x:user-1" {
		t.Fatalf("confirmation button %v", ids)
	}
	if v := click(h, "x:user-1", "user-2"); !strings.Contains(text(v), "ne vous concerne pas") {
		t.Errorf("someone else confirms: %s", text(v))
	}
	if v := click(h, "x:user-1", "user-1"); !strings.Contains(text(v), "éléments effacés.") {
		t.Errorf("erase: %s", text(v))
	}
	if data, _ := h.store.UserData(ctx, "user-1"); len(data) != 0 {
		t.Errorf("data left: %v", data)
	}
}

func TestScheduleCommands(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, paris)} // Sunday
	h := start(t, nil, "", nil, withQuiz(t, clock))
	teacher := func(cmd string, opts map[string]string) callbackBody {
		in := discordtest.Command(cmd, opts)
		in.Permissions = discordtest.PermManageGuild
		_, cb, _ := h.ask(in)
		return cb
	}
	for _, tt := range []struct {
		opts map[string]string
		want string
	}{
		{map[string]string{bot.OptCron: "* * * * *"}, "un quiz au plus par heure"},
		{map[string]string{bot.OptCron: "0 18 * *"}, "il faut 5 champs"},
		{map[string]string{bot.OptJours: "funday", bot.OptHeure: "18h"}, "jour « funday » inconnu"},
		{map[string]string{bot.OptJours: "lundi"}, "Indiquez une expression cron"},
		{map[string]string{bot.OptCron: "0 18 * * 1", bot.OptFuseau: "Lune/Base"}, "fuseau horaire"},
		{map[string]string{bot.OptCron: "0 18 * * 1", bot.OptQuestions: "50"}, "va de 1 à 10"},
	} {
		if cb := teacher(bot.CmdQuizProgrammer, tt.opts); !strings.Contains(text(cb), tt.want) {
			t.Errorf("%v: %s", tt.opts, text(cb))
		}
	}
	_, cb, _ := h.ask(discordtest.Command(bot.CmdQuizProgrammer, map[string]string{bot.OptCron: "0 18 * * 1"}))
	if !strings.Contains(text(cb), "Seuls les enseignants") {
		t.Errorf("student: %s", text(cb))
	}
	cb = teacher(bot.CmdQuizProgrammer, map[string]string{bot.OptJours: "lundi, mercredi", bot.OptHeure: "18h", bot.OptDiplome: "NRC", bot.OptQuestions: "3", bot.OptDuree: "30"})
	for _, want := range []string{"Quiz n°1 programmé dans <#chan-1>", "`0 18 * * 1,3` (Europe/Paris)", "lundi 23 novembre à 18 h 00", "mercredi 25 novembre à 18 h 00", "lundi 30 novembre à 18 h 00"} {
		if !strings.Contains(text(cb), want) {
			t.Errorf("programmed: lacks %q:\n%s", want, text(cb))
		}
	}
	if h.bot.sched.Armed() != 1 {
		t.Errorf("%d schedules armed", h.bot.sched.Armed())
	}
	_, cb, _ = h.ask(discordtest.Command(bot.CmdQuizListe, nil))
	if !strings.Contains(text(cb), "n°1") || !strings.Contains(text(cb), "prochain : lundi 23 novembre") {
		t.Errorf("list: %s", text(cb))
	}
	if cb := teacher(bot.CmdQuizSupprimer, map[string]string{bot.OptID: "7"}); !strings.Contains(text(cb), "Aucun quiz n°7") {
		t.Errorf("delete unknown: %s", text(cb))
	}
	if cb := teacher(bot.CmdQuizSupprimer, map[string]string{bot.OptID: "1"}); !strings.Contains(text(cb), "supprimé") || h.bot.sched.Armed() != 0 {
		t.Errorf("delete: %s (armed %d)", text(cb), h.bot.sched.Armed())
	}
}

// A scheduled quiz posts into a thread, takes everyone's answers at once,
// posts the results when it closes; after a restart, nothing is posted twice
// and the missed firing within the grace period is posted.
func TestScheduledQuizThroughDiscord(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, paris)}
	db := filepath.Join(t.TempDir(), "tutor.db")
	h := start(t, nil, db, nil, withQuiz(t, clock))
	ctx := context.Background()
	in := discordtest.Command(bot.CmdQuizProgrammer, map[string]string{bot.OptJours: "lundi,mercredi", bot.OptHeure: "18h", bot.OptDiplome: "CCST", bot.OptQuestions: "3", bot.OptDuree: "30"})
	in.Permissions = discordtest.PermManageGuild
	h.ask(in)
	list, _ := h.store.Schedules(ctx, "guild-1")
	if len(list) != 1 {
		t.Fatalf("schedules %v", list)
	}
	monday := time.Date(2026, 11, 23, 18, 0, 0, 0, paris)
	clock.Set(monday)
	if ok, err := h.bot.sched.Fire(ctx, list[0], monday); !ok || err != nil {
		t.Fatalf("fire: %v %v", ok, err)
	}
	thread := h.fake.WaitFor("thread", func(r discordtest.Request) bool { return strings.HasSuffix(r.Path, "/threads") })
	var questions []discordtest.Request
	for _, r := range h.fake.Requests() {
		if r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") && strings.Contains(string(r.Body), `"custom_id":"q:`) {
			questions = append(questions, r)
		}
	}
	if len(questions) != 3 || !strings.Contains(string(h.fake.Requests()[thread.Seq-2].Body), "réponses jusqu'à 18 h 30") {
		t.Fatalf("%d questions posted", len(questions))
	}
	ids := answerAtOnce(h, questions[0], 25)
	// Closing: results once.
	clock.Set(monday.Add(31 * time.Minute))
	h.bot.sched.Housekeep(ctx, clock.Now())
	h.bot.sched.Housekeep(ctx, clock.Now())
	results := h.fake.WaitFor("results", func(r discordtest.Request) bool { return strings.Contains(string(r.Body), "Résultats du quiz") })
	if !strings.Contains(string(results.Body), "/25 bonne(s) réponse(s)") || !strings.Contains(string(results.Body), "Classement") {
		t.Errorf("results: %s", results.Body)
	}
	in = discordtest.Click(ids[0], "q1")
	in.UserID = "late"
	if _, cb, _ := h.ask(in); !strings.Contains(text(cb), "Ce quiz est terminé") {
		t.Errorf("late answer: %s", text(cb))
	}
	h.stop()
	n := 0
	for _, r := range h.fake.Requests() {
		if strings.Contains(string(r.Body), "Résultats du quiz") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("results posted %d times", n)
	}

	restartOnWednesday(t, db, clock, list[0])
}

// restartOnWednesday restarts the bot on Wednesday at 18:10: the firing of
// 18:00 is posted at start (grace 30 min), Monday's is not posted again.
func restartOnWednesday(t *testing.T, db string, clock *fakeClock, sc tutor.Schedule) {
	ctx := context.Background()
	clock.Set(time.Date(2026, 11, 25, 18, 10, 0, 0, paris))
	fake2 := discordtest.New(t, testToken)
	h2 := start(t, fake2, db, nil, withQuiz(t, clock))
	fake2.WaitFor("Wednesday's quiz", func(r discordtest.Request) bool { return strings.HasSuffix(r.Path, "/threads") })
	h2.bot.sched.CatchUp(ctx, clock.Now())
	runs, _ := h2.store.Runs(ctx, sc.ID)
	if len(runs) != 2 || !runs[1].ScheduledAt.Equal(time.Date(2026, 11, 25, 18, 0, 0, 0, paris)) || runs[0].Status != tutor.RunClosed {
		t.Fatalf("runs after restart: %+v", runs)
	}
	if threads := threadsOpened(fake2); threads != 1 {
		t.Errorf("%d threads after restart, want 1", threads)
	}
}

// threadsOpened counts the threads the bot opened on a fake Discord.
func threadsOpened(fake *discordtest.Server) int {
	n := 0
	for _, r := range fake.Requests() {
		if strings.HasSuffix(r.Path, "/threads") {
			n++
		}
	}
	return n
}

// answerAtOnce has n students click the answers of a posted question at the
// same time and waits for their n verdicts; it returns the buttons' IDs.
func answerAtOnce(h *harness, question discordtest.Request, n int) []string {
	var first struct {
		Components []componentBody `json:"components"`
	}
	json.Unmarshal(question.Body, &first)
	ids := []string{}
	for _, c := range first.Components[0].Components {
		ids = append(ids, c.CustomID)
	}
	var wg sync.WaitGroup
	for u := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := discordtest.Click(ids[u%4], "q1")
			in.UserID = fmt.Sprintf("student-%d", u)
			h.fake.Send(in)
		}()
	}
	wg.Wait()
	verdicts := map[int]bool{}
	h.fake.WaitFor(fmt.Sprintf("%d verdicts", n), func(r discordtest.Request) bool {
		if strings.HasSuffix(r.Path, "/callback") && strings.Contains(string(r.Body), "Prochaine révision") {
			verdicts[r.Seq] = true
		}
		return len(verdicts) >= n
	})
	return ids
}

// Two bots on one store (a second replica, or an old process not yet
// stopped) fire the same schedule at the same time: one post.
func TestTwoBotsOneStorePostOnce(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 23, 18, 0, 0, 0, paris)}
	db := filepath.Join(t.TempDir(), "tutor.db")
	fake := discordtest.New(t, testToken)
	a := start(t, fake, db, nil, withQuiz(t, clock))
	b := start(t, fake, db, nil, withQuiz(t, clock))
	ctx := context.Background()
	sc := tutor.Schedule{GuildID: "guild-1", ChannelID: "chan-1", Expr: "0 18 * * *", Zone: "Europe/Paris", Diploma: "NRC", Questions: 2, OpenMinutes: 30}
	if err := a.store.AddSchedule(ctx, &sc); err != nil {
		t.Fatal(err)
	}
	for day := range 5 {
		at := time.Date(2026, 11, 23+day, 18, 0, 0, 0, paris)
		var wg sync.WaitGroup
		for _, h := range []*harness{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := h.bot.sched.Fire(ctx, sc, at); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	if threads := threadsOpened(fake); threads != 5 {
		t.Errorf("%d threads for 5 firings", threads)
	}
}

// BenchmarkQuizRound measures a question drawn and answered (post stored,
// answer recorded, SM-2 card updated) on a real SQLite file.
func BenchmarkQuizRound(b *testing.B) {
	clock := &fakeClock{t: time.Date(2026, 11, 23, 18, 0, 0, 0, paris)}
	store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "tutor.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	r := &bot.Router{Engine: testEngine(b), Store: store, Metrics: bot.NewMetrics()}
	withQuiz(b, clock)(r)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		req := bot.Request{Command: bot.CmdQuiz, Options: map[string]string{}, GuildID: "g", ChannelID: "c", UserID: fmt.Sprintf("u%d", i%50)}
		resp, err := r.Execute(ctx, req)
		if err != nil || resp.Question == nil {
			b.Fatal(err)
		}
		answer := func() (bot.Response, error) { return r.AnswerQuiz(ctx, resp.Question.PostID, req.UserID, i%4) }
		if it := resp.Question.Item; it.Typed {
			answer = func() (bot.Response, error) { return r.AnswerTyped(ctx, resp.Question.PostID, req.UserID, it.Answer()) }
		}
		if got, err := answer(); err != nil || got.Outcome != bot.OutcomeOK {
			b.Fatal(err, got.Text)
		}
	}
}

// /quiz shares the questions' rate limit: drawing question after question
// as fast as one can click is limited like asking.
func TestQuizSharesTheRateLimit(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, paris)}
	h := start(t, nil, "", func(c *Config) { c.RateLimit = 2 }, withQuiz(t, clock))
	quiz := func() callbackBody {
		in := discordtest.Command(bot.CmdQuiz, map[string]string{bot.OptDiplome: "NRC", bot.OptTheme: "competences"})
		in.UserID = "spam"
		_, cb, _ := h.ask(in)
		return cb
	}
	for i := range 2 {
		if cb := quiz(); len(buttonsOf(cb)) != 4 {
			t.Fatalf("quiz %d refused: %+v", i+1, cb)
		}
	}
	if cb := quiz(); len(buttonsOf(cb)) != 0 || cb.Data.Flags&ephemeral == 0 || !strings.Contains(cb.Data.Content, "2 questions par minute") {
		t.Errorf("third quiz: %+v", cb)
	}
	// Nor is a question to the tutor free after that.
	in := discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"})
	in.UserID = "spam"
	if _, cb, _ := h.ask(in); cb.Type != 4 || !strings.Contains(cb.Data.Content, "par minute") {
		t.Errorf("question after two quizzes: %+v", cb)
	}
}
