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

// The terminal's answer to the background-colour query, which every
// console whose terminal answers gets at connection, reaches the console
// without a key decoder being built for it (its table of key sequences and
// goroutines would be kept for a console nobody typed into); a key typed
// afterwards is decoded as before, and an answer among keys too.
func TestBackgroundAnswerNeedsNoKeyDecoder(t *testing.T) {
	r, w := io.Pipe()
	var mu sync.Mutex
	var got []string
	k := newKeyPump(r, "xterm-256color", func(m tea.Msg) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := m.(type) {
		case uv.BackgroundColorEvent:
			if ev.IsDark() {
				got = append(got, "dark")
			} else {
				got = append(got, "light")
			}
		case uv.KeyPressEvent:
			got = append(got, ev.String())
		}
	}, func() {})
	go k.run()
	defer func() { _ = w.Close() }()
	seen := func(n int) []string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			g := append([]string(nil), got...)
			mu.Unlock()
			if len(g) >= n {
				return g
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %d events: got %q", n, g)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	decoding := func() bool {
		k.mu.Lock()
		defer k.mu.Unlock()
		return k.dec != nil
	}
	_, _ = w.Write([]byte("\x1b]11;rgb:ffff/ffff/ffff\x1b\\"))
	if g := seen(1); g[0] != "light" {
		t.Fatalf("events = %q; want the light background", g)
	}
	if decoding() {
		t.Fatal("a key decoder was built for the background answer alone")
	}
	_, _ = w.Write([]byte("x"))
	_, _ = w.Write([]byte("\x1b]11;rgb:0000/0000/0000\x07"))
	g := seen(3)
	if g[1] != "x" || g[2] != "dark" {
		t.Fatalf("events = %q; want x then the dark background", g)
	}
}
