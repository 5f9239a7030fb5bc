package sshserver

import (
	"io"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Keys typed, then a pause long enough for the decoder to be let go, then
// more keys: every key arrives, in order, a lone Esc as Esc, and the end of
// the input is told once.
func TestKeysArriveAcrossTheDecoderBeingLetGo(t *testing.T) {
	r, w := io.Pipe()
	var mu sync.Mutex
	var got []string
	closed := make(chan struct{})
	k := newKeyPump(r, "xterm-256color", func(m tea.Msg) {
		if key, ok := m.(uv.KeyPressEvent); ok {
			mu.Lock()
			got = append(got, key.String())
			mu.Unlock()
		}
	}, func() { close(closed) })
	k.idleAfter = 20 * time.Millisecond
	go k.run()
	keys := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
	waitFor := func(what string, n int) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(keys()) < n {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: got %q", what, keys())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	letGo := func() {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			k.mu.Lock()
			gone := k.dec == nil
			k.mu.Unlock()
			if gone {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("the decoder was never let go")
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	_, _ = w.Write([]byte("ab\x1b[A"))
	waitFor("the first keys", 3)
	letGo()
	_, _ = w.Write([]byte("c\x1b"))
	waitFor("the keys after the pause", 5)
	_ = w.Close()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the end of the input was not told")
	}
	want := []string{"a", "b", "up", "c", "esc"}
	if g := keys(); len(g) != len(want) {
		t.Fatalf("keys = %q; want %q", g, want)
	} else {
		for i := range want {
			if g[i] != want[i] {
				t.Fatalf("keys = %q; want %q", g, want)
			}
		}
	}
}
