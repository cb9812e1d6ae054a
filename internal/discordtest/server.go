// Package discordtest is a loopback fake of Discord for tests: the gateway
// websocket (HELLO, IDENTIFY, READY, heartbeats, RESUME, dispatches) and the
// REST routes the bot uses. A real discordgo Session connects to it through
// the bot's API base URL. The fake records every REST call, checks each
// payload against Discord's limits (recording violations and answering 400,
// as Discord would), and can script failures: a 429, a 500, a dropped socket.
package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Request is one REST call received by the fake.
type Request struct {
	Seq    int
	Method string
	Path   string // without the /api/v9 prefix
	Body   []byte // the JSON payload (payload_json of a multipart upload)
	Files  map[string][]byte
	At     time.Time
}

// JSON decodes the request body into v.
func (r Request) JSON(v any) error { return json.Unmarshal(r.Body, v) }

func (r Request) String() string { return r.Method + " " + r.Path }

type failure struct {
	method, path string
	status       int
	body         string
	left         int
}

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	URL   string // base to give the bot (http://127.0.0.1:port)
	Token string // the bot token it accepts, without "Bot "
	AppID string
	BotID string
	// Heartbeat is the interval HELLO asks for (Discord's 41.25 s unless
	// set before the bot connects).
	Heartbeat time.Duration

	t         testing.TB
	srv       *httptest.Server
	resumeSrv *httptest.Server

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every change
	requests   []Request
	violations []string
	failures   []*failure
	channels   map[string]channel
	files      map[string][]byte // attachments by ID, served at /attachments/ID/name
	nextID     int64
	broken     string // why waiting is pointless, see Abort

	ws         *websocket.Conn
	wsMu       sync.Mutex // serialises writes on ws
	seq        int64
	sessionID  string
	backlog    [][]byte // dispatches made while no socket was up
	identifies int
	resumes    int
	// gatewayURL, when set, is the gateway REST discovery gives (a stalled
	// server, for instance).
	gatewayURL string
	silent     *websocket.Conn // the socket whose heartbeats are not acknowledged
	invalidAt  time.Time       // when the last INVALID_SESSION was sent
	identified []time.Time     // when each IDENTIFY arrived
	resumedOn  []string        // the address each RESUME came to
}

type channel struct {
	ID      string `json:"id"`
	Type    int    `json:"type"`
	GuildID string `json:"guild_id,omitempty"`
	Parent  string `json:"parent_id,omitempty"`
	Name    string `json:"name,omitempty"`
}

// Channel types used by the fake.
const (
	ChannelText         = 0
	ChannelDM           = 1
	ChannelPublicThread = 11
)

// New starts a fake Discord accepting token; it stops when the test ends.
func New(t testing.TB, token string) *Server {
	s := &Server{Token: token, AppID: "100000000000000001", BotID: "100000000000000001", t: t,
		changed: make(chan struct{}), channels: map[string]channel{}, files: map[string][]byte{}, nextID: 900000000000000000}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	// READY names another address for resuming, as Discord does.
	s.resumeSrv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Close stops the fake.
func (s *Server) Close() {
	s.mu.Lock()
	ws := s.ws
	s.ws = nil
	s.mu.Unlock()
	if ws != nil {
		ws.Close()
	}
	s.srv.CloseClientConnections()
	s.srv.Close()
	s.resumeSrv.CloseClientConnections()
	s.resumeSrv.Close()
}

// ID returns a fresh snowflake.
func (s *Server) ID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

// notify wakes the waiters; s.mu must be held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// AddChannel declares a channel the bot may look up.
func (s *Server) AddChannel(id, guildID string, typ int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[id] = channel{ID: id, Type: typ, GuildID: guildID}
}

// FailNext makes the next n requests whose method and path (prefix, without
// /api/v9) match answer status with body.
func (s *Server) FailNext(method, pathPrefix string, status int, body string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &failure{method, pathPrefix, status, body, n})
}

// Requests returns the REST calls received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Violations lists the payloads that broke one of Discord's rules.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Sessions reports how many IDENTIFY and RESUME the gateway received.
func (s *Server) Sessions() (identifies, resumes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies, s.resumes
}

// UseGateway makes REST discovery give url as the gateway.
func (s *Server) UseGateway(url string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gatewayURL = url
}

// StopAcking leaves the heartbeats unacknowledged, as a zombie connection
// does; a new connection is acknowledged again.
func (s *Server) StopAcking() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.silent = s.ws
}

// InvalidateSession sends INVALID_SESSION (op 9, not resumable) on the live
// socket and returns when it was sent.
func (s *Server) InvalidateSession() time.Time {
	s.mu.Lock()
	ws := s.ws
	s.sessionID = ""
	s.invalidAt = time.Now()
	at := s.invalidAt
	s.mu.Unlock()
	if ws != nil {
		s.writeWS(ws, map[string]any{"op": 9, "d": false})
	}
	return at
}

// DropResumeAddress stops the address READY gives for resuming: it refuses
// connections from now on.
func (s *Server) DropResumeAddress() {
	s.resumeSrv.CloseClientConnections()
	s.resumeSrv.Listener.Close()
}

// ResumedOn lists whether each RESUME came to the resume address READY
// gave (true) or elsewhere.
func (s *Server) ResumedOn() []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []bool
	for _, u := range s.resumedOn {
		out = append(out, "http://"+u == s.resumeSrv.URL)
	}
	return out
}

// Identified lists when each IDENTIFY arrived.
func (s *Server) Identified() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.identified...)
}

// waitTimeout bounds every wait: reaching it fails the test (the bot never
// did what was expected); it asserts nothing about speed.
const waitTimeout = 20 * time.Second

// Wait blocks until cond (called with the lock held) holds, or fails the test.
func (s *Server) wait(what string, cond func() bool) {
	s.t.Helper()
	deadline := time.NewTimer(waitTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		broken := s.broken
		s.mu.Unlock()
		if ok {
			return
		}
		if broken != "" {
			s.t.Fatalf("discordtest: waiting for %s: %s", what, broken)
		}
		select {
		case <-ch:
		case <-deadline.C:
			s.t.Fatalf("discordtest: gave up waiting for %s; requests: %v", what, s.Requests())
		}
	}
}

// Abort makes every wait fail at once with reason: the bot under test has
// stopped and nothing more will come.
func (s *Server) Abort(reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broken = reason
	s.notify()
}

// WaitFor returns the first request (in order) for which match holds,
// waiting for it if needed.
func (s *Server) WaitFor(what string, match func(Request) bool) Request {
	s.t.Helper()
	var found Request
	s.wait(what, func() bool {
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	return found
}

// WaitSession waits until the gateway has seen n IDENTIFY + RESUME in all.
func (s *Server) WaitSession(n int) {
	s.t.Helper()
	s.wait(fmt.Sprintf("%d gateway sessions", n), func() bool { return s.identifies+s.resumes >= n && s.ws != nil })
}

// serve routes gateway and REST traffic.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" || r.URL.Path == "/" && websocket.IsWebSocketUpgrade(r) {
		s.gateway(w, r)
		return
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, "/attachments/"); ok {
		id, _, _ := strings.Cut(rest, "/")
		s.mu.Lock()
		data, found := s.files[id]
		s.mu.Unlock()
		if !found {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
		return
	}
	path, ok := strings.CutPrefix(r.URL.Path, "/api/v9")
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 30<<20))
	var files map[string][]byte
	var uploadProblems []string
	if mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		body, files, uploadProblems = readMultipart(body, params["boundary"])
	}
	s.mu.Lock()
	req := Request{Seq: len(s.requests) + 1, Method: r.Method, Path: path, Body: body, Files: files, At: time.Now()}
	s.requests = append(s.requests, req)
	var fail *failure
	for _, f := range s.failures {
		if f.left > 0 && f.method == r.Method && strings.HasPrefix(path, f.path) {
			f.left--
			fail = f
			break
		}
	}
	s.notify()
	s.mu.Unlock()

	if fail != nil {
		w.Header().Set("Content-Type", "application/json")
		if fail.status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
		}
		w.WriteHeader(fail.status)
		io.WriteString(w, fail.body)
		return
	}
	if !strings.HasPrefix(path, "/webhooks/") && !strings.HasPrefix(path, "/interactions/") &&
		r.Header.Get("Authorization") != "Bot "+s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	if problems := append(uploadProblems, check(r.Method, path, body)...); len(problems) > 0 {
		s.mu.Lock()
		for _, p := range problems {
			s.violations = append(s.violations, req.String()+": "+p)
		}
		s.notify()
		s.mu.Unlock()
		writeJSON(w, http.StatusBadRequest, map[string]any{"code": 50035, "message": "Invalid Form Body", "errors": problems})
		return
	}
	s.rest(w, r.Method, path, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// rest answers the REST routes the bot uses.
func (s *Server) rest(w http.ResponseWriter, method, path string, body []byte) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	route := method + " " + pattern(parts)
	switch route {
	case "GET gateway":
		s.mu.Lock()
		url := s.gatewayURL
		s.mu.Unlock()
		if url == "" {
			url = "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"
		}
		writeJSON(w, 200, map[string]string{"url": url})
	case "GET users/@me":
		writeJSON(w, 200, map[string]any{"id": s.BotID, "username": "tuteur", "bot": true})
	case "PUT applications/*/commands", "PUT applications/*/guilds/*/commands":
		var cmds []map[string]any
		json.Unmarshal(body, &cmds)
		for _, c := range cmds {
			c["id"] = s.ID()
			c["application_id"] = s.AppID
		}
		writeJSON(w, 200, cmds)
	case "POST interactions/*/*/callback", "DELETE webhooks/*/*/messages/@original":
		w.WriteHeader(http.StatusNoContent)
	case "PATCH webhooks/*/*/messages/@original", "POST webhooks/*/*":
		writeJSON(w, 200, map[string]any{"id": s.ID(), "channel_id": "0", "content": ""})
	case "POST channels/*/messages":
		writeJSON(w, 200, map[string]any{"id": s.ID(), "channel_id": parts[1]})
	case "POST channels/*/messages/*/threads":
		id := s.ID()
		s.mu.Lock()
		parent := s.channels[parts[1]]
		th := channel{ID: id, Type: ChannelPublicThread, GuildID: parent.GuildID, Parent: parts[1]}
		s.channels[id] = th
		s.mu.Unlock()
		writeJSON(w, 201, th)
	case "POST users/@me/channels":
		var dm struct {
			Recipient string `json:"recipient_id"`
		}
		json.Unmarshal(body, &dm)
		id := s.ID()
		ch := channel{ID: id, Type: ChannelDM}
		s.mu.Lock()
		s.channels[id] = ch
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"id": id, "type": ChannelDM, "recipients": []map[string]any{{"id": dm.Recipient, "username": "eleve-" + dm.Recipient}}})
	case "GET channels/*":
		s.mu.Lock()
		ch, ok := s.channels[parts[1]]
		s.mu.Unlock()
		if !ok {
			writeJSON(w, 404, map[string]any{"message": "Unknown Channel", "code": 10003})
			return
		}
		writeJSON(w, 200, ch)
	default:
		writeJSON(w, 404, map[string]any{"message": "404: Not Found (fake: " + route + ")", "code": 0})
	}
}

// maxUpload is Discord's default limit on the files of one message.
const maxUpload = 10 << 20

// readMultipart splits a multipart upload into its JSON payload and its
// files, with what breaks Discord's rules.
func readMultipart(body []byte, boundary string) (payload []byte, files map[string][]byte, problems []string) {
	files = map[string][]byte{}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	total := 0
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return payload, files, append(problems, "malformed multipart body: "+err.Error())
		}
		data, _ := io.ReadAll(part)
		switch {
		case part.FormName() == "payload_json":
			payload = data
		case part.FileName() == "":
			problems = append(problems, "multipart part without a file name: "+part.FormName())
		default:
			files[part.FileName()] = data
			total += len(data)
		}
	}
	if payload == nil {
		problems = append(problems, "multipart upload without payload_json")
	}
	if total > maxUpload {
		problems = append(problems, fmt.Sprintf("files of %d bytes (max %d)", total, maxUpload))
	}
	return payload, files, problems
}

// pattern replaces the variable parts of a REST path by "*".
func pattern(parts []string) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		switch {
		case i > 0 && (parts[i-1] == "interactions" || parts[i-1] == "webhooks" || parts[i-1] == "applications" ||
			parts[i-1] == "guilds" || parts[i-1] == "channels" || parts[i-1] == "messages" && p != "@original"):
			out[i] = "*"
		case i > 1 && (parts[i-2] == "interactions" || parts[i-2] == "webhooks"):
			out[i] = "*" // the token
		default:
			out[i] = p
		}
	}
	return strings.Join(out, "/")
}

// Attach stores a file as Discord's CDN would and returns its ID and URL.
func (s *Server) Attach(name string, content []byte) (id, url string) {
	id = s.ID()
	s.mu.Lock()
	s.files[id] = content
	s.mu.Unlock()
	return id, s.URL + "/attachments/" + id + "/" + name
}
