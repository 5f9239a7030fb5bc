package store

import "cellule/crisis"

func (t *txn) Invite(selector string) (crisis.Invite, bool, error) {
	return get[crisis.Invite](t, bucketInvites, []byte(selector))
}

func (t *txn) PutInvite(inv crisis.Invite) error {
	return put(t, bucketInvites, []byte(inv.Selector), inv)
}
