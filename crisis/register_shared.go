package crisis

// sharedAssets is the register as of a change count: consoles on the
// Register tab all reload it after each change, and a register of
// thousands of assets is worth reading once (see snapshots).
type sharedAssets struct {
	seq    uint64
	assets []Asset
}

// getAssets returns the register as of change seq, reading it once per
// change.
func (c *snapshots) getAssets(seq uint64, read func() ([]Asset, error)) ([]Asset, error) {
	if a := c.assets.Load(); a != nil && a.seq == seq {
		return a.assets, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a := c.assets.Load(); a != nil && a.seq == seq {
		return a.assets, nil
	}
	as, err := read()
	if err != nil {
		return nil, err
	}
	c.assets.Store(&sharedAssets{seq: seq, assets: as})
	return as, nil
}
