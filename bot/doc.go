// Package bot is the platform-neutral tutor bot: one command table
// (table.go) from which every adapter derives its commands, a Router that
// turns a Request into a Response with the answer engine, the store, the
// quiz bank and the brief generator, the console's parser (console.go) and
// the metrics. It imports no chat platform: the Discord adapter is package
// bot/discord, the console is in cmd/tutor.
package bot
