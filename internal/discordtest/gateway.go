package discordtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gateway speaks Discord's gateway protocol on one websocket: HELLO, then
// IDENTIFY (READY) or RESUME (RESUMED and the missed dispatches), heartbeats
// acknowledged.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	interval := int64(41250)
	if s.Heartbeat > 0 {
		interval = s.Heartbeat.Milliseconds()
	}
	if err := s.writeWS(ws, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": interval}}); err != nil {
		return
	}
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			s.gone(ws, err)
			return
		}
		var f struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(msg, &f) != nil {
			ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4002, "Decode error"), time.Now().Add(time.Second))
			return
		}
		switch f.Op {
		case 1: // heartbeat
			s.mu.Lock()
			silent := s.silent == ws
			s.mu.Unlock()
			if !silent {
				s.writeWS(ws, map[string]any{"op": 11})
			}
		case 2:
			if !s.identify(ws, f.D) {
				return
			}
		case 6:
			s.resume(ws, r.Host, f.D)
		}
	}
}

// gone forgets a socket the bot left. As Discord does, a close with 1000
// or 1001 ends its session: it cannot be resumed.
func (s *Server) gone(ws *websocket.Conn, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ce *websocket.CloseError
	if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) && s.ws == ws {
		s.sessionID = ""
	}
	if s.ws == ws {
		s.ws = nil
		s.notify()
	}
}

// identify answers IDENTIFY with READY, or closes with 4004 on a wrong
// token (false).
func (s *Server) identify(ws *websocket.Conn, d json.RawMessage) bool {
	var id struct {
		Token string `json:"token"`
	}
	json.Unmarshal(d, &id)
	if id.Token != "Bot "+s.Token && id.Token != s.Token {
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return false
	}
	s.mu.Lock()
	s.identifies++
	s.identified = append(s.identified, time.Now())
	s.sessionID = "session-" + strconv.Itoa(s.identifies)
	s.seq = 0
	s.backlog = nil
	s.mu.Unlock()
	s.attach(ws, "READY", map[string]any{
		"v": 9, "session_id": s.sessionID,
		"user":               map[string]any{"id": s.BotID, "username": "tuteur", "bot": true},
		"application":        map[string]any{"id": s.AppID},
		"guilds":             []any{},
		"resume_gateway_url": "ws" + s.resumeSrv.URL[len("http"):],
	})
	return true
}

// resume answers RESUME on the address host: RESUMED and the missed
// dispatches, or INVALID_SESSION when the session is over.
func (s *Server) resume(ws *websocket.Conn, host string, d json.RawMessage) {
	var rs struct {
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	json.Unmarshal(d, &rs)
	s.mu.Lock()
	ok := rs.SessionID == s.sessionID
	if ok {
		s.resumes++
		s.resumedOn = append(s.resumedOn, host)
	}
	s.mu.Unlock()
	if !ok {
		s.writeWS(ws, map[string]any{"op": 9, "d": false})
		return
	}
	s.attach(ws, "RESUMED", map[string]any{})
}

// attach makes ws the live socket, sends the first dispatch, then the
// dispatches made while no socket was up.
func (s *Server) attach(ws *websocket.Conn, event string, data any) {
	s.mu.Lock()
	s.ws = ws
	s.seq++
	first, _ := json.Marshal(map[string]any{"op": 0, "t": event, "s": s.seq, "d": data})
	backlog := s.backlog
	s.backlog = nil
	s.notify()
	s.mu.Unlock()
	s.writeRaw(ws, first)
	for _, b := range backlog {
		s.writeRaw(ws, b)
	}
}

func (s *Server) writeWS(ws *websocket.Conn, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.writeRaw(ws, b)
}

func (s *Server) writeRaw(ws *websocket.Conn, b []byte) error {
	s.wsMu.Lock()
	defer s.wsMu.Unlock()
	return ws.WriteMessage(websocket.TextMessage, b)
}

// Dispatch sends an event (op 0) to the bot, or keeps it for the next
// RESUME when no socket is up, as Discord replays missed events.
func (s *Server) Dispatch(event string, data any) {
	s.mu.Lock()
	s.seq++
	b, err := json.Marshal(map[string]any{"op": 0, "t": event, "s": s.seq, "d": data})
	if err != nil {
		s.mu.Unlock()
		s.t.Fatalf("discordtest: %v", err)
	}
	ws := s.ws
	if ws == nil {
		s.backlog = append(s.backlog, b)
	}
	s.mu.Unlock()
	if ws != nil {
		s.writeRaw(ws, b)
	}
}

// DropGateway cuts the live socket without a close frame, as a network
// failure would. The bot is expected to reconnect and RESUME.
func (s *Server) DropGateway() {
	s.mu.Lock()
	ws := s.ws
	s.ws = nil
	s.notify()
	s.mu.Unlock()
	if ws != nil {
		ws.UnderlyingConn().Close()
	}
}
