package main

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Terminal size of every console, as the issue sets it.
const termW, termH = 120, 40

// firstFrameText is on the footer, the last line the console draws: when it
// is on screen, the first frame is complete.
const firstFrameText = "quit"

// dial logs p in from an address of its own in 127.0.0.0/8 (all loopback
// on Linux), as people connect from their own machines: the server gives
// one address only a share of its login slots, and the bench connects
// many people at once.
func dial(addr string, p person) (*gossh.Client, error) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(p.name))
	n := h.Sum32()
	local := net.IPv4(127, 1+byte(n>>16)%200, byte(n>>8), 1+byte(n)%250)
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: local}, Timeout: 30 * time.Second}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User:            p.name,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(p.signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), nil
}

// console is one interactive session: its own SSH connection, a 120x40
// terminal, and an emulator that holds the screen as the user would see it.
type console struct {
	client *gossh.Client
	sess   *gossh.Session

	mu     sync.Mutex
	em     *vt.Emulator
	bytes  atomic.Int64
	want   string    // the text waited for, "" for none
	seenAt time.Time // when want was first on screen
	seen   chan struct{}
}

// openConsole connects and waits for the first complete frame (the first
// screen showing text). It returns the time from dialling to that frame,
// and from asking for the shell to it.
func openConsole(addr string, p person, text string, limit time.Duration) (*console, time.Duration, time.Duration, error) {
	start := time.Now()
	client, err := dial(addr, p)
	if err != nil {
		return nil, 0, 0, err
	}
	c := &console{client: client, em: vt.NewEmulator(termW, termH)}
	fail := func(err error) (*console, time.Duration, time.Duration, error) {
		c.close()
		return nil, 0, 0, err
	}
	if c.sess, err = client.NewSession(); err != nil {
		return fail(err)
	}
	if err := c.sess.RequestPty("xterm-256color", termH, termW, gossh.TerminalModes{}); err != nil {
		return fail(err)
	}
	stdin, err := c.sess.StdinPipe()
	if err != nil {
		return fail(err)
	}
	stdout, err := c.sess.StdoutPipe()
	if err != nil {
		return fail(err)
	}
	// The emulator answers the program's terminal queries; the answers go
	// back like typed keys (and its pipe must be drained).
	go func() { _, _ = io.Copy(stdin, c.em) }()
	c.wait(text)
	go c.read(stdout)
	shellAt := time.Now()
	if err := c.sess.Shell(); err != nil {
		return fail(err)
	}
	select {
	case <-c.seen:
	case <-time.After(limit):
		return fail(fmt.Errorf("no first frame within %s", limit))
	}
	c.mu.Lock()
	at := c.seenAt
	c.mu.Unlock()
	return c, at.Sub(start), at.Sub(shellAt), nil
}

// wait arms the console to note when text is on its screen.
func (c *console) wait(text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.want, c.seenAt, c.seen = text, time.Time{}, make(chan struct{})
}

// seenTime is when the awaited text was first on screen (zero: not yet).
func (c *console) seenTime() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seenAt
}

func (c *console) read(r io.Reader) {
	buf := make([]byte, 64*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			now := time.Now()
			c.bytes.Add(int64(n))
			c.mu.Lock()
			_, _ = c.em.Write(buf[:n])
			if c.want != "" && c.seenAt.IsZero() {
				// The stream itself first (cheap); the screen when the
				// renderer wrote the text in pieces.
				if bytes.Contains(buf[:n], []byte(c.want)) || strings.Contains(c.em.String(), c.want) {
					c.seenAt = now
					close(c.seen)
				}
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (c *console) close() {
	if c.sess != nil {
		_ = c.sess.Close()
	}
	_ = c.client.Close()
	_ = c.em.Close()
}

// runCommand execs one command on a connection (as `ssh host ARGS` does)
// and returns its standard output once it exited.
func runCommand(c *gossh.Client, line string) (string, error) {
	sess, err := c.NewSession()
	if err != nil {
		return "", err
	}
	defer sess.Close()
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	if err := sess.Run(line); err != nil {
		var exit *gossh.ExitError
		if errors.As(err, &exit) {
			return o.String(), fmt.Errorf("%s: exit %d: %s", line, exit.ExitStatus(), strings.TrimSpace(e.String()))
		}
		return o.String(), err
	}
	return o.String(), nil
}
