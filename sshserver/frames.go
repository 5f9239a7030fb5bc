package sshserver

import "time"

// consoleFPS is how often bubbletea's ticker wakes a console's program. The
// console is drawn by its frame.Writer as soon as a message changes it (see
// screen.go), so the ticker only flushes what bubbletea itself queues for
// the terminal (answers to clipboard or colour queries, which the console
// never makes); with hundreds of consoles open, every wake-up counts in the
// server's idle CPU. One a second is bubbletea's minimum.
const consoleFPS = 1

// tickStep is the grid on which consoles start their programs. Bubbletea
// starts its ticker when the program starts, so consoles started on the
// same 100 ms step tick together: the runtime wakes once for all of them
// instead of once per console (hundreds of wake-ups a second, most of an
// idle server's CPU). The console's first frame does not wait for the
// grid: it is drawn before (session.go); what waits, at most 100 ms, is the
// program's event loop, so a key typed in that time is read then.
const tickStep = 100 * time.Millisecond

// startInStep waits for the next step of the grid.
func startInStep() {
	now := time.Now()
	time.Sleep(now.Truncate(tickStep).Add(tickStep).Sub(now))
}
