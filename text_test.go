package tutor

import (
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"court", 10, "court"},
		{"une phrase assez longue pour être coupée", 20, "une phrase assez…"},
		{"première ligne\nseconde ligne bien plus longue", 25, "première ligne\n…"},
		{"motsansespaceaucun", 8, "motsans…"},
		{"épreuve", 1, "é"},
		{"épreuve", 0, ""},
	}
	for _, tt := range tests {
		got := Clip(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > max(tt.n, 0) {
			t.Errorf("Clip(%q, %d) = %q: longer than %d", tt.s, tt.n, got, tt.n)
		}
	}
}
