package discordtest

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// message is the part of a message payload Discord checks.
type message struct {
	Content         *string          `json:"content"`
	Embeds          []embed          `json:"embeds"`
	Components      []component      `json:"components"`
	AllowedMentions *json.RawMessage `json:"allowed_mentions"`
	Choices         []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	} `json:"choices"`
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

type component struct {
	Type       int         `json:"type"`
	CustomID   string      `json:"custom_id"`
	Label      string      `json:"label"`
	Style      int         `json:"style"`
	MaxLength  int         `json:"max_length"`
	Components []component `json:"components"`
}

// check returns what a payload breaks of Discord's rules, for the routes
// that carry messages.
func check(method, path string, body []byte) []string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	route := method + " " + pattern(parts)
	var msg message
	switch route {
	case "POST interactions/*/*/callback":
		var cb struct {
			Type int             `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(body, &cb); err != nil {
			return []string{"callback is not JSON: " + err.Error()}
		}
		switch cb.Type {
		case 4, 7: // message, update message
			if err := json.Unmarshal(cb.Data, &msg); err != nil {
				return []string{"callback data: " + err.Error()}
			}
			return checkMessage(msg, true)
		case 8: // autocomplete
			json.Unmarshal(cb.Data, &msg)
			return checkChoices(msg)
		case 5, 6: // deferrals
			return nil
		case 9: // modal
			var m modal
			if err := json.Unmarshal(cb.Data, &m); err != nil {
				return []string{"modal data: " + err.Error()}
			}
			return checkModal(m)
		default:
			return []string{fmt.Sprintf("unknown callback type %d", cb.Type)}
		}
	case "PATCH webhooks/*/*/messages/@original", "POST webhooks/*/*", "POST channels/*/messages":
		if err := json.Unmarshal(body, &msg); err != nil {
			return []string{"message is not JSON: " + err.Error()}
		}
		return checkMessage(msg, method == "POST")
	case "POST channels/*/messages/*/threads":
		var th struct {
			Name string `json:"name"`
		}
		json.Unmarshal(body, &th)
		if n := utf8.RuneCountInString(th.Name); n < 1 || n > 100 {
			return []string{fmt.Sprintf("thread name of %d characters", n)}
		}
	}
	return nil
}

func checkMessage(m message, create bool) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	if m.AllowedMentions == nil {
		bad("allowed_mentions missing")
	} else {
		var am struct {
			Parse       *[]string `json:"parse"`
			Users       []string  `json:"users"`
			Roles       []string  `json:"roles"`
			RepliedUser bool      `json:"replied_user"`
		}
		json.Unmarshal(*m.AllowedMentions, &am)
		if am.Parse == nil || len(*am.Parse) > 0 || len(am.Users) > 0 || len(am.Roles) > 0 || am.RepliedUser {
			bad("allowed_mentions not empty: %s", string(*m.AllowedMentions))
		}
	}
	content := ""
	if m.Content != nil {
		content = *m.Content
	}
	if n := utf8.RuneCountInString(content); n > 2000 {
		bad("content of %d characters", n)
	}
	if create && content == "" && len(m.Embeds) == 0 {
		bad("empty message")
	}
	if len(m.Embeds) > 10 {
		bad("%d embeds", len(m.Embeds))
	}
	p = append(p, checkEmbeds(m.Embeds)...)
	p = append(p, checkComponents(m.Components)...)
	return p
}

// checkEmbeds checks embeds against Discord's limits.
func checkEmbeds(embeds []embed) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	total := 0
	for i, e := range embeds {
		limit := func(what, s string, max int) {
			n := utf8.RuneCountInString(s)
			total += n
			if n > max {
				bad("embed %d: %s of %d characters (max %d)", i, what, n, max)
			}
		}
		limit("title", e.Title, 256)
		limit("description", e.Description, 4096)
		if e.Footer != nil {
			limit("footer", e.Footer.Text, 2048)
		}
		if e.Author != nil {
			limit("author", e.Author.Name, 256)
		}
		if len(e.Fields) > 25 {
			bad("embed %d: %d fields", i, len(e.Fields))
		}
		for _, f := range e.Fields {
			limit("field name", f.Name, 256)
			limit("field value", f.Value, 1024)
			if f.Name == "" || f.Value == "" {
				bad("embed %d: empty field", i)
			}
		}
	}
	if total > 6000 {
		bad("embeds total %d characters", total)
	}
	return p
}

// checkComponents checks action rows and their buttons.
func checkComponents(rows []component) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	if len(rows) > 5 {
		bad("%d action rows", len(rows))
	}
	for _, row := range rows {
		if row.Type != 1 {
			bad("top-level component of type %d", row.Type)
		}
		if len(row.Components) > 5 {
			bad("%d buttons in a row", len(row.Components))
		}
		for _, c := range row.Components {
			if n := len(c.CustomID); n == 0 || n > 100 {
				bad("custom_id of %d characters", n)
			}
			if utf8.RuneCountInString(c.Label) > 80 {
				bad("button label too long")
			}
		}
	}
	return p
}

// modal is the part of a modal payload Discord checks.
type modal struct {
	CustomID   string      `json:"custom_id"`
	Title      string      `json:"title"`
	Components []component `json:"components"`
}

// checkModal checks a form: a title and an ID, one to five rows of one
// text input each.
func checkModal(m modal) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	if n := len(m.CustomID); n == 0 || n > 100 {
		bad("modal custom_id of %d characters", n)
	}
	if n := utf8.RuneCountInString(m.Title); n == 0 || n > 45 {
		bad("modal title of %d characters", n)
	}
	if len(m.Components) == 0 || len(m.Components) > 5 {
		bad("modal with %d rows", len(m.Components))
	}
	for _, row := range m.Components {
		if row.Type != 1 || len(row.Components) != 1 {
			bad("modal row of type %d with %d components", row.Type, len(row.Components))
			continue
		}
		in := row.Components[0]
		if in.Type != 4 || in.CustomID == "" || in.Style < 1 || in.Style > 2 || utf8.RuneCountInString(in.Label) > 45 || in.MaxLength > 4000 {
			bad("modal input %+v", in)
		}
	}
	return p
}

func checkChoices(m message) []string {
	var p []string
	if len(m.Choices) > 25 {
		p = append(p, fmt.Sprintf("%d autocomplete choices", len(m.Choices)))
	}
	for _, c := range m.Choices {
		v := fmt.Sprint(c.Value)
		if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 {
			p = append(p, fmt.Sprintf("choice name of %d characters", n))
		}
		if n := utf8.RuneCountInString(v); n < 1 || n > 100 {
			p = append(p, fmt.Sprintf("choice value of %d characters", n))
		}
	}
	return p
}

// CheckMessage returns what a message payload (JSON, as sent to create or
// edit a message) breaks of Discord's rules.
func CheckMessage(body []byte) []string {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return []string{"message is not JSON: " + err.Error()}
	}
	return checkMessage(m, true)
}
