package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"

	"cellule/crisis"
)

// The page walk: bbolt trusts its pages. A flipped bit in a page header or
// in an element's offset or length makes it read outside the page, outside
// the file, or outside the mapping (a fault that no recover catches), and
// its own Check reads the same offsets. So before bbolt is asked anything
// about a file's structure, every page reachable from the root is read
// with plain reads (never through the mapping) and checked: its header
// names it, its type is branch or leaf, every element's key and value lie
// within the page, keys ascend within the bounds the parent gives, no page
// is reached twice. The layout is bbolt's (internal/common/page.go):
//
//	page header: id uint64, flags uint16, count uint16, overflow uint32
//	branch element: pos uint32, ksize uint32, pgid uint64 (pos from the element)
//	leaf element: flags uint32, pos uint32, ksize uint32, vsize uint32
//	bucket value: root uint64, sequence uint64, then the inline page if root is 0
const (
	pageHeaderSize   = 16
	elementSize      = 16
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	bucketLeafFlag   = 0x01
	bucketHeaderSize = 16
	// maxDepth bounds the descent: bbolt's trees are a few levels deep; a
	// cycle is caught by the visited set before this.
	maxDepth = 64
)

// pageWalk reads pages of one file as one transaction sees them.
type pageWalk struct {
	// data is the file mapped read-only (pages_unix.go), or nil: then
	// pages are read from r. Either way nothing is read past hwm pages,
	// which the file holds.
	data     []byte
	r        io.ReaderAt
	pageSize uint64
	hwm      uint64 // pages below this id are in the file
	// owner records, for each reached page, 1 + the index in names of the
	// bucket it belongs to ("" for the list of buckets), so that later
	// findings can name it; 0 for a page not reached.
	owner    []int32
	names    []string
	problems []crisis.DamageError
}

// walkPages checks every page reachable from root; problems are in the
// order found, the first one first. data, when not nil, is the file.
func walkPages(data []byte, r io.ReaderAt, pageSize int, root, hwm uint64) *pageWalk {
	w := &pageWalk{data: data, r: r, pageSize: uint64(pageSize), hwm: hwm, owner: make([]int32, hwm)}
	w.page(root, "", nil, nil, 0, true)
	return w
}

// ownerOf is the bucket page id belongs to, "" if none (or not reached).
func (w *pageWalk) ownerOf(id uint64) string {
	if id >= uint64(len(w.owner)) || w.owner[id] == 0 {
		return ""
	}
	return w.names[w.owner[id]-1]
}

func (w *pageWalk) own(id uint64, bucket string) {
	if n := len(w.names); n == 0 || w.names[n-1] != bucket {
		w.names = append(w.names, bucket)
	}
	w.owner[id] = int32(len(w.names))
}

// read is n bytes of the file from page id on.
func (w *pageWalk) read(id, n uint64) ([]byte, error) {
	off := id * w.pageSize
	if w.data != nil {
		if off+n > uint64(len(w.data)) {
			return nil, io.ErrUnexpectedEOF
		}
		return w.data[off : off+n : off+n], nil
	}
	buf := make([]byte, n)
	_, err := w.r.ReadAt(buf, int64(off))
	return buf, err
}

func (w *pageWalk) bad(page uint64, bucket, format string, args ...any) {
	w.problems = append(w.problems, crisis.DamageError{Page: page, Bucket: bucket, Reason: fmt.Sprintf(format, args...)})
}

// page checks page id of bucket and what it leads to; keys must lie in
// [lo, hi) (nil: unbounded). top is set for the root bucket's pages, whose
// leaf elements are the buckets themselves.
func (w *pageWalk) page(id uint64, bucket string, lo, hi []byte, depth int, top bool) {
	if id < 2 || id >= w.hwm {
		w.bad(id, bucket, "a reference to page %d, which is outside the file (pages 2 to %d)", id, w.hwm-1)
		return
	}
	if w.owner[id] != 0 {
		w.bad(id, bucket, "page %d is reached twice (also from %s)", id, bucketName(w.ownerOf(id)))
		return
	}
	if depth > maxDepth {
		w.bad(id, bucket, "the tree is more than %d pages deep", maxDepth)
		return
	}
	head, err := w.read(id, pageHeaderSize)
	if err != nil {
		w.bad(id, bucket, "cannot read it: %v", err)
		return
	}
	w.own(id, bucket)
	if got := binary.LittleEndian.Uint64(head); got != id {
		w.bad(id, bucket, "it says it is page %d", got)
		return
	}
	overflow := uint64(binary.LittleEndian.Uint32(head[12:]))
	if overflow >= w.hwm-id {
		w.bad(id, bucket, "it claims %d overflow pages, past the end of the file", overflow)
		return
	}
	for i := uint64(1); i <= overflow; i++ {
		if w.owner[id+i] != 0 {
			w.bad(id, bucket, "its overflow page %d is reached twice (also from %s)", id+i, bucketName(w.ownerOf(id+i)))
			return
		}
		w.own(id+i, bucket)
	}
	buf, err := w.read(id, (1+overflow)*w.pageSize)
	if err != nil {
		w.bad(id, bucket, "cannot read it: %v", err)
		return
	}
	w.elements(id, buf, bucket, lo, hi, depth, top)
}

// elements checks a page's elements (buf is the whole page, or an inline
// bucket's page) and descends.
func (w *pageWalk) elements(id uint64, buf []byte, bucket string, lo, hi []byte, depth int, top bool) {
	flags := binary.LittleEndian.Uint16(buf[8:])
	count := uint64(binary.LittleEndian.Uint16(buf[10:]))
	if flags != branchPageFlag && flags != leafPageFlag {
		w.bad(id, bucket, "its type is %#x, neither branch nor leaf", flags)
		return
	}
	size := uint64(len(buf))
	if pageHeaderSize+count*elementSize > size {
		w.bad(id, bucket, "it claims %d elements, more than it holds", count)
		return
	}
	prev := lo
	// bbolt lays out the elements' keys and values one after another,
	// right after the element array: each starts where the last ended, so
	// an offset or a length that changed shows at the next element.
	data := pageHeaderSize + count*elementSize
	for i := uint64(0); i < count; i++ {
		at := pageHeaderSize + i*elementSize
		e := buf[at : at+elementSize]
		if flags == branchPageFlag {
			pos, ksize := uint64(binary.LittleEndian.Uint32(e)), uint64(binary.LittleEndian.Uint32(e[4:]))
			child := binary.LittleEndian.Uint64(e[8:])
			if at+pos+ksize > size {
				w.bad(id, bucket, "element %d's key lies outside the page", i)
				return
			}
			if at+pos != data {
				w.bad(id, bucket, "element %d's key does not start where the one before it ends", i)
				return
			}
			data += ksize
			key := buf[at+pos : at+pos+ksize]
			if !w.ordered(id, bucket, i, key, prev, hi) {
				return
			}
			next := hi
			if i+1 < count {
				n := buf[at+elementSize : at+2*elementSize]
				npos, nksize := uint64(binary.LittleEndian.Uint32(n)), uint64(binary.LittleEndian.Uint32(n[4:]))
				if at+elementSize+npos+nksize > size {
					w.bad(id, bucket, "element %d's key lies outside the page", i+1)
					return
				}
				next = buf[at+elementSize+npos : at+elementSize+npos+nksize]
			}
			w.page(child, bucket, key, next, depth+1, top)
			prev = key
			continue
		}
		eflags := binary.LittleEndian.Uint32(e)
		pos, ksize, vsize := uint64(binary.LittleEndian.Uint32(e[4:])), uint64(binary.LittleEndian.Uint32(e[8:])), uint64(binary.LittleEndian.Uint32(e[12:]))
		if at+pos+ksize+vsize > size {
			w.bad(id, bucket, "element %d's key or value lies outside the page", i)
			return
		}
		if at+pos != data {
			w.bad(id, bucket, "element %d's key does not start where the one before it ends", i)
			return
		}
		data += ksize + vsize
		key := buf[at+pos : at+pos+ksize]
		if !w.ordered(id, bucket, i, key, prev, hi) {
			return
		}
		prev = key
		if eflags&bucketLeafFlag == 0 {
			if top {
				w.bad(id, bucket, "element %d of the list of buckets is not a bucket", i)
			} else if want := idKeyLen(bucket); want != 0 && ksize != want {
				w.bad(id, bucket, "element %d's key is %d bytes long; the keys of %s are %d", i, ksize, bucket, want)
			} else if v := buf[at+pos+ksize : at+pos+ksize+vsize]; objectBuckets[bucket] && (vsize < 2 || v[0] != '{' || v[vsize-1] != '}') {
				// The last element's length is checked by no next one:
				// a record cut short or run long shows at its ends.
				w.bad(id, bucket, "element %d's value is not a whole record", i)
			}
			continue
		}
		value := buf[at+pos+ksize : at+pos+ksize+vsize]
		if vsize < bucketHeaderSize {
			w.bad(id, bucket, "element %d is a bucket too short to hold its header", i)
			continue
		}
		name := string(key)
		if !top {
			name = bucket + "/" + name
		}
		if root := binary.LittleEndian.Uint64(value); root != 0 {
			w.page(root, name, nil, nil, depth+1, false)
		} else if inline := value[bucketHeaderSize:]; len(inline) < pageHeaderSize {
			w.bad(id, name, "its inline page is shorter than a page header")
		} else {
			w.elements(id, inline, name, nil, nil, depth+1, false)
		}
	}
}

func (w *pageWalk) ordered(id uint64, bucket string, i uint64, key, prev, hi []byte) bool {
	switch {
	case prev != nil && i > 0 && bytes.Compare(key, prev) <= 0:
		w.bad(id, bucket, "element %d's key is not above the one before it", i)
	case prev != nil && i == 0 && bytes.Compare(key, prev) < 0:
		w.bad(id, bucket, "its first key is below the bound its parent gives")
	case hi != nil && bytes.Compare(key, hi) >= 0:
		w.bad(id, bucket, "element %d's key is not below the bound its parent gives", i)
	default:
		return true
	}
	return false
}

// objectBuckets hold one JSON object per key (schema.go).
var objectBuckets = map[string]bool{
	string(bucketEntries): true, string(bucketUsers): true, string(bucketAudit): true,
	string(bucketTakeaways): true, string(bucketTasks): true, string(bucketRecoveryPhases): true,
	string(bucketRecoveryItems): true, string(bucketTemplates): true, string(bucketRuns): true,
	string(bucketContacts): true, string(bucketHandovers): true,
	string(bucketDeclarations): true, string(bucketClocks): true,
}

// idKeyLen is the length every key of bucket has, when its keys are ids
// (schema.go), 0 otherwise.
func idKeyLen(bucket string) uint64 {
	switch keyForms[bucket] {
	case formID:
		return 8
	case formIDPair:
		return 16
	}
	return 0
}

func bucketName(b string) string {
	if b == "" {
		return "the list of buckets"
	}
	return "bucket " + b
}
