package sshserver

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// chunks hands out its data a little at a time, as a network does.
type chunks struct {
	data []byte
	size int
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.size, len(c.data))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

func TestPasteLimiterHoldsAtMostItsLimit(t *testing.T) {
	const limit = 64 << 10
	big := strings.Repeat("y", 10<<20)
	in := "ab\x1b[200~short paste\x1b[201~cd\x1b[200~" + big + "\x1b[201~ef\x1b"
	refused := 0
	pl := newPasteLimiter(&chunks{data: []byte(in), size: 4093}, limit, func(int) { refused++ })
	var out bytes.Buffer
	buf := make([]byte, 1024)
	most := 0
	for {
		n, err := pl.Read(buf)
		out.Write(buf[:n])
		most = max(most, pl.held())
		if err != nil {
			break
		}
	}
	if most > limit+64 {
		t.Errorf("the limiter held %d bytes; want at most about %d", most, limit)
	}
	if refused != 1 {
		t.Errorf("refused %d pastes; want 1", refused)
	}
	want := "ab\x1b[200~short paste\x1b[201~cd\x1b[200~\x1b[201~ef\x1b"
	if out.String() != want {
		t.Errorf("out = %q; want %q", out.String(), want)
	}
}
