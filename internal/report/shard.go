package report

// Sharding: `ftcheck report -shard i/n` runs a deterministic share of the
// claims and writes a shard file; `ftcheck merge` combines the n shards of
// one run into exactly the bytes the unsharded run writes. A claim is the
// unit of work: each claim's result depends only on the seed and checks, so
// the merged report is the unsharded one by construction. Claims are dealt
// costliest first (the claim table's Cost) to the least loaded shard, ties
// to the lowest index, so that every process gets about the same work.

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/ftcheck/ftcheck/theorem"
)

// Shard is the file a shard writes: its share of one run's claims.
type Shard struct {
	Seed   uint64        `json:"seed"`
	Checks int           `json:"checks"`
	Index  int           `json:"shard"`
	Of     int           `json:"of"`
	IDs    []string      `json:"ids"` // every claim of the run, in report order
	Claims []ClaimReport `json:"claims"`
}

// Assign deals the claims to n shards: costliest first to the shard with
// the least cost so far, ties to the lowest index. It returns the shard of
// each claim.
func Assign(claims []theorem.Claim, n int) []int {
	if n < 1 {
		panic(fmt.Sprintf("report: Assign: %d shards", n))
	}
	load := make([]int64, n)
	shard := make([]int, len(claims))
	for _, i := range launchOrder(claims) {
		best := 0
		for s := 1; s < n; s++ {
			if load[s] < load[best] {
				best = s
			}
		}
		shard[i] = best
		load[best] += int64(claims[i].Cost) + 1 // +1: claims of no cost still spread out
	}
	return shard
}

// RunShard runs the claims of opts (every claim, or opts.Only) that Assign
// deals to shard index of n.
func RunShard(opts Options, index, n int) *Shard {
	if n < 1 || index < 0 || index >= n {
		panic(fmt.Sprintf("report: RunShard: shard %d of %d", index, n))
	}
	claims := selectClaims(opts.Only)
	ids := make([]string, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	var mine []string
	for i, s := range Assign(claims, n) {
		if s == index {
			mine = append(mine, claims[i].ID)
		}
	}
	sh := &Shard{Seed: opts.Seed, Checks: opts.Checks, Index: index, Of: n, IDs: ids, Claims: []ClaimReport{}}
	if len(mine) > 0 {
		o := opts
		o.Only = mine
		sh.Claims = Run(o).Claims
	}
	return sh
}

// WriteJSON writes the shard file.
func (s *Shard) WriteJSON(w io.Writer) error { return writeJSON(w, s) }

// ReadShard reads a shard file; unknown fields are an error.
func ReadShard(r io.Reader) (*Shard, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var s Shard
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	if s.Of < 1 || s.Index < 0 || s.Index >= s.Of {
		return nil, fmt.Errorf("shard %d of %d", s.Index, s.Of)
	}
	return &s, nil
}

// Merge combines the shards of one run into its report, in report order. It
// refuses shards of different runs (seed, checks, number of shards or claim
// list), a shard given twice or missing, and a claim missing or repeated.
func Merge(shards []*Shard) (*Report, error) {
	if len(shards) == 0 {
		return nil, fmt.Errorf("no shards")
	}
	first := shards[0]
	seen := make([]bool, first.Of)
	got := map[string]ClaimReport{}
	for _, s := range shards {
		if s.Seed != first.Seed || s.Checks != first.Checks || s.Of != first.Of || !slices.Equal(s.IDs, first.IDs) {
			return nil, fmt.Errorf("shard %d/%d is of another run (seed %d, checks %d, %d shards, %d claims) than shard %d/%d (seed %d, checks %d, %d shards, %d claims)",
				s.Index, s.Of, s.Seed, s.Checks, s.Of, len(s.IDs), first.Index, first.Of, first.Seed, first.Checks, first.Of, len(first.IDs))
		}
		if seen[s.Index] {
			return nil, fmt.Errorf("shard %d/%d given twice", s.Index, s.Of)
		}
		seen[s.Index] = true
		for _, c := range s.Claims {
			if _, dup := got[c.ID]; dup {
				return nil, fmt.Errorf("claim %s reported twice", c.ID)
			}
			got[c.ID] = c
		}
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("shard %d/%d is missing", i, first.Of)
		}
	}
	rep := &Report{Seed: first.Seed, Checks: first.Checks, Claims: make([]ClaimReport, 0, len(first.IDs))}
	for _, id := range first.IDs {
		c, ok := got[id]
		if !ok {
			return nil, fmt.Errorf("claim %s is in no shard", id)
		}
		rep.Claims = append(rep.Claims, c)
	}
	if len(got) != len(first.IDs) {
		return nil, fmt.Errorf("the shards report %d claims, the run has %d", len(got), len(first.IDs))
	}
	return rep, nil
}
