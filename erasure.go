package tutor

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// ErasedKey is the pseudonym under which a store keeps, for the rest of the
// day, what an erased user must not escape (the language model's quota): a
// keyed hash of the ID, so that the ID itself is gone from the store and
// cannot be recovered without the store's key.
func ErasedKey(key []byte, userID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(userID))
	return "efface:" + hex.EncodeToString(m.Sum(nil))[:32]
}
