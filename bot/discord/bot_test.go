package discord

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/btstutor/tutor/bot"
	"github.com/btstutor/tutor/internal/discordtest"
)

func TestRegistersFrenchCommands(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, testToken)
	start(t, fake, "", func(c *Config) { c.GuildID = "guild-dev" })
	r := fake.WaitFor("registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	if want := "/applications/" + fake.AppID + "/guilds/guild-dev/commands"; r.Path != want {
		t.Errorf("registered at %s, want %s (guild scope)", r.Path, want)
	}
	var cmds []struct {
		Name, Description string
		Perms             *string `json:"default_member_permissions"`
		Contexts          []int   `json:"contexts"`
	}
	if err := r.JSON(&cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	teacher := map[string]bool{bot.CmdScenario: true, bot.CmdQuizProgrammer: true, bot.CmdQuizSupprimer: true}
	for _, c := range cmds {
		names = append(names, c.Name)
		if c.Description == "" || len([]rune(c.Description)) > 100 {
			t.Errorf("%s: description %q", c.Name, c.Description)
		}
		// Teachers' commands are hidden from students: shown to those who
		// may manage the server (32), in servers only (context 0).
		if hidden := c.Perms != nil && *c.Perms == "32" && len(c.Contexts) == 1 && c.Contexts[0] == 0; hidden != teacher[c.Name] {
			t.Errorf("/%s: default_member_permissions %v, contexts %v", c.Name, c.Perms, c.Contexts)
		}
	}
	if got := strings.Join(names, " "); got != "question competence epreuve savoir config scenario quiz revisions rappel classement mes-donnees quiz-programmer quiz-liste quiz-supprimer aide" {
		t.Errorf("commands: %s", got)
	}
}

func TestSlashCommands(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	tests := []struct {
		name string
		in   *discordtest.Interaction
		want []string
		not  []string
	}{
		{"question", discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef de l'E4 en CCST"}),
			[]string{"coefficient de 6", "[1] BTS CCST", "Astuce : un enseignant"}, []string{"BTS NRC ·"}},
		{"question with diploma", discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "duree de l'E4", bot.OptDiplome: "NRC"}),
			[]string{"40 min", "[1] BTS NRC"}, []string{"Astuce"}},
		{"competence", discordtest.Command(bot.CmdCompetence, map[string]string{bot.OptCode: "C1.3", bot.OptDiplome: "CCST"}),
			[]string{"Gérer le risque affaire", "Savoir-faire attendus", "Critères d'évaluation"}, nil},
		{"epreuve card", discordtest.Command(bot.CmdEpreuve, map[string]string{bot.OptCode: "E4 CCST"}),
			[]string{"coefficient de 6", "Selon le statut du candidat", "Ponctuelle orale, 1 h", "C1.1", "Critères d'évaluation de E4"}, nil},
		{"savoir", discordtest.Command(bot.CmdSavoir, map[string]string{bot.OptRecherche: "TVA", bot.OptDiplome: "NRC"}),
			[]string{"BTS NRC"}, nil},
		{"unknown code", discordtest.Command(bot.CmdEpreuve, map[string]string{bot.OptCode: "E9", bot.OptDiplome: "CCST"}),
			[]string{"n'existe pas"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cb, edit := h.ask(tc.in)
			if cb.Type != 5 || edit == nil || edit.method != "PATCH" {
				t.Fatalf("want a deferral then an edit; got callback type %d, edit %+v", cb.Type, edit)
			}
			if cb.seq >= edit.seq {
				t.Errorf("edit (#%d) before deferral (#%d)", edit.seq, cb.seq)
			}
			if len(edit.Embeds) != 1 {
				t.Fatalf("%d embeds", len(edit.Embeds))
			}
			text := edit.Embeds[0].all()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("unexpected %q in:\n%s", w, text)
				}
			}
		})
	}
	if v := h.fake.Violations(); len(v) > 0 {
		t.Fatalf("violations: %v", v)
	}
}

func TestBadInputIsRefusedPrivatelyWithoutDeferral(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	tests := []struct {
		name string
		in   *discordtest.Interaction
		want string
	}{
		{"empty", discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "   "}), "La question est vide."},
		{"too long", discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: strings.Repeat("a", 2001)}), "dépasse 2000"},
		{"unknown diploma", discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef", bot.OptDiplome: "MCO"}), "Diplôme inconnu « MCO »"},
		{"unknown command", discordtest.Command("zzz", nil), "Commande inconnue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cb, _ := h.ask(tc.in)
			if cb.Type != 4 || cb.Data.Flags&ephemeral == 0 {
				t.Fatalf("want an ephemeral message, got type %d flags %d", cb.Type, cb.Data.Flags)
			}
			text := cb.Data.Content
			for _, e := range cb.Data.Embeds {
				text += e.all()
			}
			if !strings.Contains(text, tc.want) {
				t.Errorf("got %q, want %q", text, tc.want)
			}
		})
	}
	// A code option that is not a code is found after the deferral: the
	// public "thinking" message is replaced by a private one.
	sent, cb, edit := h.ask(discordtest.Command(bot.CmdEpreuve, map[string]string{bot.OptCode: "bonjour"}))
	if cb.Type != 5 || edit.method != "DELETE" {
		t.Fatalf("want deferral then deletion; got %d %+v", cb.Type, edit)
	}
	f := h.fake.WaitFor("follow-up", func(r discordtest.Request) bool { return r.Method == "POST" && r.Path == h.fake.FollowupPath(sent) })
	var msg struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
	}
	f.JSON(&msg)
	if msg.Flags&ephemeral == 0 || !strings.Contains(msg.Content, "n'est pas un code d'épreuve") {
		t.Errorf("follow-up: %+v", msg)
	}
}

func TestAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	tests := []struct {
		cmd, typed, diploma string
		want                string
		max                 int
	}{
		{bot.CmdEpreuve, "e4", "", "E4 — ", 25},
		{bot.CmdCompetence, "", "", "C", 25},
		{bot.CmdCompetence, "risque", "CCST", "C1.3", 25},
		{bot.CmdEpreuve, "zzzz", "", "", 0},
	}
	for _, tc := range tests {
		opts := map[string]string{bot.OptCode: tc.typed}
		if tc.diploma != "" {
			opts[bot.OptDiplome] = tc.diploma
		}
		_, cb, _ := h.ask(discordtest.Autocomplete(tc.cmd, bot.OptCode, opts))
		if cb.Type != 8 {
			t.Fatalf("%s %q: callback type %d", tc.cmd, tc.typed, cb.Type)
		}
		if len(cb.Data.Choices) > tc.max || tc.max > 0 && len(cb.Data.Choices) == 0 {
			t.Errorf("%s %q: %d choices", tc.cmd, tc.typed, len(cb.Data.Choices))
		}
		if tc.want != "" && (len(cb.Data.Choices) == 0 || !strings.Contains(cb.Data.Choices[0]["name"].(string), tc.want)) {
			t.Errorf("%s %q: first choice %v, want %q", tc.cmd, tc.typed, cb.Data.Choices, tc.want)
		}
	}
	// The chosen value ("E4 NRC") works as the command's code.
	_, _, edit := h.ask(discordtest.Command(bot.CmdEpreuve, map[string]string{bot.OptCode: "E4 NRC"}))
	if !strings.Contains(edit.Embeds[0].all(), "BTS NRC") || strings.Contains(edit.Embeds[0].Description, "BTS CCST") {
		t.Errorf("value E4 NRC: %s", edit.Embeds[0].Description)
	}
}

func TestButtonsWorkAfterRestart(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, testToken)
	db := t.TempDir() + "/tutor.db"
	h := start(t, fake, db, nil)
	_, _, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"}))
	ids := edit.buttons()
	if len(ids) != 3 || !strings.HasPrefix(ids[0], "p:") || !strings.HasSuffix(ids[1], ":+") || !strings.HasSuffix(ids[2], ":-") {
		t.Fatalf("buttons: %v", ids)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}

	h = start(t, fake, db, nil) // a new process on the same store
	_, cb, _ := h.ask(discordtest.Click(ids[0], "m1"))
	if cb.Type != 4 || cb.Data.Flags&ephemeral == 0 || len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.Embeds[0].Description, "> ") {
		t.Fatalf("passages: %+v", cb)
	}
	_, cb, _ = h.ask(discordtest.Click(ids[1], "m1"))
	if !strings.Contains(cb.Data.Content, "Merci") || cb.Data.Flags&ephemeral == 0 {
		t.Errorf("vote: %+v", cb.Data)
	}
	_, cb, _ = h.ask(discordtest.Click(ids[1], "m1")) // double click
	if !strings.Contains(cb.Data.Content, "déjà enregistré") {
		t.Errorf("second vote: %q", cb.Data.Content)
	}
	_, cb, _ = h.ask(&discordtest.Interaction{Type: discordtest.TypeComponent, UserID: "user-2", Data: map[string]any{"custom_id": ids[2], "component_type": 2, "message_id": "m1"}})
	if !strings.Contains(cb.Data.Content, "👎") {
		t.Errorf("down vote: %q", cb.Data.Content)
	}
	up, down, err := h.store.FeedbackCounts(context.Background())
	if err != nil || up != 1 || down != 1 {
		t.Errorf("stored votes %d/%d, %v", up, down, err)
	}
	for id, want := range map[string]string{"p:999999": "trop ancienne", "v:999999:+": "trop ancienne", "zzz": "aucune action", "p:abc": "aucune action"} {
		_, cb, _ := h.ask(discordtest.Click(id, "m1"))
		if !strings.Contains(cb.Data.Content, want) || cb.Data.Flags&ephemeral == 0 {
			t.Errorf("%s: %q", id, cb.Data.Content)
		}
	}
}

func TestMentionAnswersInAThread(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	h.fake.AddChannel("chan-text", "guild-1", discordtest.ChannelText)
	msgID := h.fake.Mention("guild-1", "chan-text", "user-7", "@bot @everyone c'est quoi le coef de l'E4 en NRC ?")
	th := h.fake.WaitFor("thread", func(r discordtest.Request) bool {
		return r.Path == "/channels/chan-text/messages/"+msgID+"/threads"
	})
	var thread struct{ Name string }
	th.JSON(&thread)
	if strings.Contains(thread.Name, "<@") || thread.Name == "" {
		t.Errorf("thread name %q", thread.Name)
	}
	post := h.fake.WaitFor("answer in thread", func(r discordtest.Request) bool {
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") && r.Path != "/channels/chan-text/messages"
	})
	var m struct {
		Embeds []embedBody `json:"embeds"`
	}
	post.JSON(&m)
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "BTS NRC") {
		t.Errorf("answer: %+v", m)
	}

	// In a thread already: answered there, no new thread.
	h.fake.AddChannel("thread-1", "guild-1", discordtest.ChannelPublicThread)
	h.fake.Mention("guild-1", "thread-1", "user-7", "@bot et la duree ?")
	h.fake.WaitFor("answer in the same thread", func(r discordtest.Request) bool { return r.Path == "/channels/thread-1/messages" })
	for _, r := range h.fake.Requests() {
		if strings.HasPrefix(r.Path, "/channels/thread-1/messages/") {
			t.Errorf("thread started inside a thread: %s", r.Path)
		}
	}
	// A bare mention gets help, not a search.
	h.fake.AddChannel("thread-2", "guild-1", discordtest.ChannelPublicThread)
	h.fake.Mention("guild-1", "thread-2", "user-7", "@bot")
	r := h.fake.WaitFor("help", func(r discordtest.Request) bool { return r.Path == "/channels/thread-2/messages" })
	if !strings.Contains(string(r.Body), "Posez-moi votre question") {
		t.Errorf("bare mention: %s", r.Body)
	}
}

func TestConfigIsForTeachers(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	cfg := func(sub string, opts map[string]string, perms int64, roles []string) string {
		in := discordtest.Subcommand(bot.CmdConfig, sub, opts)
		in.Permissions, in.Roles = perms, roles
		_, cb, _ := h.ask(in)
		if cb.Type != 4 || cb.Data.Flags&ephemeral == 0 {
			t.Fatalf("config %s: type %d flags %d", sub, cb.Type, cb.Data.Flags)
		}
		s := cb.Data.Content
		for _, e := range cb.Data.Embeds {
			s += e.all()
		}
		return s
	}
	if got := cfg(bot.SubDiplome, map[string]string{bot.OptDiplome: "NRC"}, 0, nil); !strings.Contains(got, "Seuls les enseignants") {
		t.Errorf("student changed the diploma: %s", got)
	}
	if got := cfg(bot.SubDiplome, map[string]string{bot.OptDiplome: "NRC"}, discordtest.PermManageGuild, nil); !strings.Contains(got, "BTS NRC") {
		t.Errorf("manager: %s", got)
	}
	// The server's diploma now applies to questions.
	_, _, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4"}))
	if d := edit.Embeds[0].all(); !strings.Contains(d, "BTS NRC") || strings.Contains(d, "BTS CCST") || strings.Contains(d, "Astuce") {
		t.Errorf("server default ignored:\n%s", d)
	}
	// A teacher role, chosen by a manager, may then change it per channel.
	if got := cfg(bot.SubRole, map[string]string{bot.OptRole: "role-prof"}, 0, nil); !strings.Contains(got, "Gérer le serveur") {
		t.Errorf("student chose the teacher role: %s", got)
	}
	cfg(bot.SubRole, map[string]string{bot.OptRole: "role-prof"}, discordtest.PermManageGuild, nil)
	if got := cfg(bot.SubDiplome, map[string]string{bot.OptDiplome: "CCST", bot.OptPortee: bot.PorteeSalon}, 0, []string{"role-prof"}); !strings.Contains(got, "de ce salon : BTS CCST") {
		t.Errorf("teacher role: %s", got)
	}
	if got := cfg(bot.SubVoir, nil, 0, nil); !strings.Contains(got, "serveur : BTS NRC") || !strings.Contains(got, "salon : BTS CCST") {
		t.Errorf("voir: %s", got)
	}
	if got := cfg(bot.SubDiplome, map[string]string{bot.OptDiplome: "BTS MCO"}, discordtest.PermManageGuild, nil); !strings.Contains(got, "Diplôme inconnu") {
		t.Errorf("bad diploma: %s", got)
	}
	// The target retention of revisions: teachers only, within bounds.
	if got := cfg(bot.SubMemorisation, map[string]string{bot.OptPourcentage: "85"}, 0, nil); !strings.Contains(got, "Seuls les enseignants") {
		t.Errorf("student set the retention: %s", got)
	}
	if got := cfg(bot.SubMemorisation, map[string]string{bot.OptPourcentage: "60"}, 0, []string{"role-prof"}); !strings.Contains(got, "entre 80 et 97") {
		t.Errorf("retention out of bounds: %s", got)
	}
	if got := cfg(bot.SubMemorisation, map[string]string{bot.OptPourcentage: "85"}, 0, []string{"role-prof"}); !strings.Contains(got, "85 %") {
		t.Errorf("retention: %s", got)
	}
	if got := cfg(bot.SubVoir, nil, 0, nil); !strings.Contains(got, "Mémorisation visée des révisions : 85 %") {
		t.Errorf("voir after the retention: %s", got)
	}
	if set, _ := h.store.Settings(context.Background(), "guild-1", ""); set.Retention != 0.85 {
		t.Errorf("stored retention %v", set.Retention)
	}
	// No settings in direct messages.
	in := discordtest.Subcommand(bot.CmdConfig, bot.SubDiplome, map[string]string{bot.OptDiplome: "NRC"})
	in.GuildID = "-"
	_, cb, _ := h.ask(in)
	if !strings.Contains(cb.Data.Content+cb.Data.Embeds[0].Description, "message privé") {
		t.Errorf("DM config: %+v", cb.Data)
	}
	// Help is private and lists the commands.
	_, cb, _ = h.ask(discordtest.Command(bot.CmdAide, nil))
	if cb.Data.Flags&ephemeral == 0 || len(cb.Data.Embeds) == 0 || !strings.Contains(cb.Data.Embeds[0].Description, "/epreuve") {
		t.Errorf("aide: %+v", cb.Data)
	}
}

func TestRateLimitPerUser(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", func(c *Config) { c.RateLimit = 2 })
	q := func(user string) callbackBody {
		in := discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"})
		in.UserID = user
		_, cb, _ := h.ask(in)
		return cb
	}
	for i := 0; i < 2; i++ {
		if cb := q("fast"); cb.Type != 5 {
			t.Fatalf("question %d refused", i+1)
		}
	}
	cb := q("fast")
	if cb.Type != 4 || cb.Data.Flags&ephemeral == 0 || !strings.Contains(cb.Data.Content, "2 questions par minute") {
		t.Errorf("third question: %+v", cb)
	}
	if cb := q("other"); cb.Type != 5 {
		t.Error("another user was limited")
	}
	h.stop() // waits for the handlers, which count after responding
	var b strings.Builder
	h.metrics.WriteTo(&b)
	if !strings.Contains(b.String(), `tutor_interactions_total{command="question",outcome="rate_limited"} 1`) {
		t.Errorf("metrics:\n%s", b.String())
	}
}

func TestShutdownFinishesAnswersInFlight(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	entered := make(chan struct{})
	// The question's handler waits to be released: an answer in flight.
	h := start(t, nil, "", nil, func(r *bot.Router) {
		r.Table = bot.DefaultCommands()
		for i, c := range r.Table {
			if c.Name == bot.CmdQuestion {
				run := c.Run
				r.Table[i].Run = func(r *bot.Router, ctx context.Context, req bot.Request) (bot.Response, error) {
					close(entered)
					<-release
					return run(r, ctx, req)
				}
			}
		}
	})
	sent, _ := h.fake.Send(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"}))
	<-entered
	h.cancel() // SIGTERM
	h.cancel = nil
	select {
	case <-h.done:
		t.Fatal("Run returned with an answer in flight")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-h.done; err != nil {
		t.Fatal(err)
	}
	// Run has returned: the answer must already be delivered.
	found := false
	for _, r := range h.fake.Requests() {
		if r.Method == "PATCH" && r.Path == h.fake.OriginalPath(sent) {
			found = true
		}
	}
	if !found {
		t.Error("the answer in flight was lost")
	}
	h.store.Close()
}

func TestStoreFailureGivesPrivateError(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	h.store.Close() // the store breaks under the bot
	sent, cb, edit := h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"}))
	if cb.Type != 5 || edit.method != "DELETE" {
		t.Fatalf("want deferral then deletion, got %d %+v", cb.Type, edit)
	}
	f := h.fake.WaitFor("follow-up", func(r discordtest.Request) bool { return r.Path == h.fake.FollowupPath(sent) })
	if !strings.Contains(string(f.Body), "erreur de mon côté") || !strings.Contains(string(f.Body), `"flags":64`) {
		t.Errorf("follow-up: %s", f.Body)
	}
	if strings.Contains(string(f.Body), "sql") {
		t.Error("details leaked to the user")
	}
	srv := httptest.NewServer(bot.Handler(h.bot.Connected, h.store, h.metrics))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz with a closed store: %d", resp.StatusCode)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	t.Parallel()
	h := start(t, nil, "", nil)
	h.ask(discordtest.Command(bot.CmdQuestion, map[string]string{bot.OptTexte: "coef E4 CCST"}))
	srv := httptest.NewServer(bot.Handler(h.bot.Connected, h.store, h.metrics))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var health map[string]string
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if resp.StatusCode != 200 || health["gateway"] != "ok" || health["store"] != "ok" {
		t.Errorf("healthz: %d %v", resp.StatusCode, health)
	}
	h.stop() // waits for the handlers, which count after responding
	resp, err = http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	buf := make([]byte, 1<<16)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	resp.Body.Close()
	for _, want := range []string{`tutor_interactions_total{command="question",outcome="ok"} 1`, "tutor_ack_seconds_count 1", "tutor_answer_seconds_count 1", "tutor_retrieval_seconds_count 1", `tutor_feedback_total{vote="up"} 0`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, b.String())
		}
	}
}

func TestWrongToken(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, "the-right-one")
	b, err := New(Config{Token: "Bot wrong", APIBase: fake.URL}, &bot.Router{Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Run(context.Background()); !errors.Is(err, ErrBadToken) {
		t.Errorf("Run with a wrong token: %v", err)
	}
	for _, bad := range []Config{{Token: " "}, {Token: "x", APIBase: "ftp://x"}, {Token: "x", APIBase: "::"}} {
		if _, err := New(bad, &bot.Router{Engine: testEngine(t)}); err == nil {
			t.Errorf("config %+v accepted", bad)
		}
	}
}
