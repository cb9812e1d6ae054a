package discordtest

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Interaction types and permission bits, as Discord sends them.
const (
	TypeCommand      = 2
	TypeComponent    = 3
	TypeAutocomplete = 4
	TypeModalSubmit  = 5

	PermManageGuild = 1 << 5
)

// Interaction is an interaction to send to the bot. Zero fields get defaults
// from Send: a fresh ID and token, guild "guild-1", channel "chan-1", user
// "user-1" without permissions.
type Interaction struct {
	ID, Token   string
	Type        int
	GuildID     string // "-" sends a direct message interaction (no guild)
	ChannelID   string
	UserID      string
	Permissions int64
	Roles       []string
	Data        map[string]any
}

// Command builds a slash command with string options.
func Command(name string, options map[string]string) *Interaction {
	return &Interaction{Type: TypeCommand, Data: map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": stringOptions(options, "")}}
}

// Subcommand builds a slash command with one subcommand and its options.
func Subcommand(name, sub string, options map[string]string) *Interaction {
	return &Interaction{Type: TypeCommand, Data: map[string]any{"id": "cmd-" + name, "name": name, "type": 1,
		"options": []map[string]any{{"name": sub, "type": 1, "options": stringOptions(options, "")}}}}
}

// Autocomplete builds an autocomplete request with the focused option.
func Autocomplete(name, focused string, options map[string]string) *Interaction {
	return &Interaction{Type: TypeAutocomplete, Data: map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": stringOptions(options, focused)}}
}

// Click builds a click on a button.
func Click(customID, messageID string) *Interaction {
	return &Interaction{Type: TypeComponent, Data: map[string]any{"custom_id": customID, "component_type": 2, "message_id": messageID}}
}

// WithFile joins a file to a command, as its option of the given name: the
// option carries the attachment's ID, the resolved data its URL and size.
func (in *Interaction) WithFile(option, id, url, name, contentType string, size int) *Interaction {
	opts, _ := in.Data["options"].([]map[string]any)
	in.Data["options"] = append(opts, map[string]any{"name": option, "type": 11, "value": id})
	in.Data["resolved"] = map[string]any{"attachments": map[string]any{id: map[string]any{
		"id": id, "filename": name, "url": url, "proxy_url": url, "size": size, "content_type": contentType}}}
	return in
}

// Submit builds the submission of a form with one text input.
func Submit(customID, inputID, value string) *Interaction {
	return &Interaction{Type: TypeModalSubmit, Data: map[string]any{"custom_id": customID, "components": []map[string]any{
		{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": inputID, "value": value}}}}}}
}

func stringOptions(options map[string]string, focused string) []map[string]any {
	names := make([]string, 0, len(options))
	for k := range options {
		names = append(names, k)
	}
	sort.Strings(names)
	out := []map[string]any{}
	for _, k := range names {
		o := map[string]any{"name": k, "type": 3, "value": options[k]}
		if k == focused {
			o["focused"] = true
		}
		out = append(out, o)
	}
	return out
}

// Send dispatches the interaction (INTERACTION_CREATE) and returns it with
// its defaults filled in, and when it was sent.
func (s *Server) Send(in *Interaction) (*Interaction, time.Time) {
	c := *in
	if c.ID == "" {
		c.ID = s.ID()
	}
	if c.Token == "" {
		c.Token = "itoken-" + c.ID
	}
	if c.GuildID == "" {
		c.GuildID = "guild-1"
	}
	if c.ChannelID == "" {
		c.ChannelID = "chan-1"
	}
	if c.UserID == "" {
		c.UserID = "user-1"
	}
	user := map[string]any{"id": c.UserID, "username": "eleve-" + c.UserID}
	payload := map[string]any{
		"id": c.ID, "application_id": s.AppID, "type": c.Type, "token": c.Token, "version": 1,
		"channel_id": c.ChannelID, "data": c.Data, "locale": "fr",
	}
	if c.GuildID == "-" {
		payload["user"] = user
	} else {
		roles := c.Roles
		if roles == nil {
			roles = []string{}
		}
		payload["guild_id"] = c.GuildID
		payload["member"] = map[string]any{"user": user, "roles": roles, "permissions": strconv.FormatInt(c.Permissions, 10)}
	}
	if c.Type == TypeComponent {
		payload["message"] = map[string]any{"id": c.Data["message_id"], "channel_id": c.ChannelID, "content": ""}
	}
	at := time.Now()
	s.Dispatch("INTERACTION_CREATE", payload)
	return &c, at
}

// Mention posts a message mentioning the bot (MESSAGE_CREATE) in a channel.
func (s *Server) Mention(guildID, channelID, userID, text string) string {
	return s.Post(Message{GuildID: guildID, ChannelID: channelID, UserID: userID, Text: text})
}

// Message is a message a user posts. "@bot" in Text mentions the bot.
type Message struct {
	ID        string // "" for a new one; an ID already posted delivers it again
	GuildID   string // "" for a direct message
	ChannelID string
	UserID    string
	Text      string
	NoMention bool // the bot is not in the message's mentions
}

// Post dispatches a message (MESSAGE_CREATE) and returns its ID.
func (s *Server) Post(m Message) string {
	if m.ID == "" {
		m.ID = s.ID()
	}
	payload := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "type": 0,
		"content":   strings.ReplaceAll(m.Text, "@bot", "<@"+s.BotID+">"),
		"author":    map[string]any{"id": m.UserID, "username": "eleve-" + m.UserID},
		"mentions":  []map[string]any{},
		"timestamp": time.Now().UTC().Format(time.RFC3339),
	}
	if !m.NoMention {
		payload["mentions"] = []map[string]any{{"id": s.BotID, "username": "tuteur", "bot": true}}
	}
	if m.GuildID != "" {
		payload["guild_id"] = m.GuildID
	}
	s.Dispatch("MESSAGE_CREATE", payload)
	return m.ID
}

// Path helpers for the requests an interaction leads to.

// CallbackPath is the path of an interaction's initial response.
func (in *Interaction) CallbackPath() string {
	return "/interactions/" + in.ID + "/" + in.Token + "/callback"
}

// OriginalPath is the path of an interaction's original response (edits).
func (s *Server) OriginalPath(in *Interaction) string {
	return "/webhooks/" + s.AppID + "/" + in.Token + "/messages/@original"
}

// FollowupPath is the path of an interaction's follow-up messages.
func (s *Server) FollowupPath(in *Interaction) string {
	return "/webhooks/" + s.AppID + "/" + in.Token
}
