package store

import "testing"

// A bucket without a key form still goes into the snapshot whole (its keys
// as text or hex), but a bucket of numeric ids should read as numbers: a
// new bucket names its form in keyForms.
func TestEveryBucketHasAKeyForm(t *testing.T) {
	for _, b := range allBuckets {
		if _, ok := keyForms[string(b)]; !ok {
			t.Errorf("bucket %s has no key form in keyForms (raw.go)", b)
		}
	}
}

// Keys come back from their readable form byte for byte, and keys that do
// not fit their form go through hex.
func TestReadableKeysRoundTrip(t *testing.T) {
	cases := []struct {
		form string
		key  []byte
		hex  bool
	}{
		{formID, u64(42), false},
		{formID, []byte("short"), true},
		{formIDPair, amendKey(3, 17), false},
		{formText, []byte("alice"), false},
		{formText, []byte("SHA256:abc+/="), false},
		{formText, []byte{0, 1, 0xff}, true},
		{formText, []byte("esc\x1b[31m"), true},
	}
	for _, c := range cases {
		s, ok := readableKey(c.form, c.key)
		if ok == c.hex {
			t.Errorf("%s %x: readable=%v", c.form, c.key, ok)
		}
		back, err := storedKey(c.form, s, !ok)
		if err != nil || string(back) != string(c.key) {
			t.Errorf("%s %x -> %q -> %x, %v", c.form, c.key, s, back, err)
		}
	}
}
