package sshserver

// consoleFPS caps how often a console's screen is compared with the last one
// sent and the difference written. Bubbletea's renderer wakes up at this rate
// in every open console even when nothing changes, so with hundreds of
// consoles open the rate is most of the server's idle CPU; 30 frames a second
// halves that cost against the default 60, and adds at most 33 ms before a
// change shows, which nobody reading a logbook can tell.
const consoleFPS = 30
