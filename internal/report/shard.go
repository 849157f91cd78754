package report

// Sharding: `ftcheck report -shard i/n` runs a deterministic share of the
// run's work and writes a shard file; `ftcheck merge` combines the n shards
// of one run into exactly the bytes the unsharded run writes.
//
// The work is dealt as tasks: a whole claim, or, for a claim divided into
// units (theorem.Claim.Units: T5.1-U's U1, U2, U3 and theorem level), each
// unit on its own. A task's result depends only on the seed and checks, so
// a whole claim's entry is the unsharded one by construction; a divided
// claim's entry is made at the merge by theorem.CombineUnits from its units'
// results in the order of Units, the same function the unsharded run calls,
// so it is the unsharded entry too. Tasks are dealt costliest first (the
// claim table's Cost, or the unit's) to the least loaded shard, ties to the
// lowest index, so that every process gets about the same work.

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/ftcheck/ftcheck/theorem"
)

// Shard is the file a shard writes: its share of one run's work.
type Shard struct {
	Seed   uint64        `json:"seed"`
	Checks int           `json:"checks"`
	Index  int           `json:"shard"`
	Of     int           `json:"of"`
	IDs    []string      `json:"ids"` // every claim of the run, in report order
	Claims []ClaimReport `json:"claims"`
	Units  []UnitReport  `json:"units"` // units of divided claims, each run on its own
}

// UnitReport is the result of one unit of a divided claim.
type UnitReport struct {
	Claim  string         `json:"claim"`
	Unit   string         `json:"unit"`
	Result theorem.Result `json:"result"`
}

// Task is a share of a run's work as Deal hands it out: claim Claim of the
// run (an index into its claims), whole when Unit is −1, else its unit
// Unit; Shard is the shard that runs it.
type Task struct {
	Claim, Unit, Shard int
}

// divided says whether a claim's work is dealt unit by unit.
func divided(c theorem.Claim) bool { return len(c.Units) > 0 && c.Combine != nil }

// tasks lists a run's work in report order: each claim whole, or each unit
// of a divided claim.
func tasks(claims []theorem.Claim) ([]task, []Task) {
	var ts []task
	var out []Task
	for i, c := range claims {
		if !divided(c) {
			ts, out = append(ts, task{claim: c, unit: -1}), append(out, Task{Claim: i, Unit: -1})
			continue
		}
		for u := range c.Units {
			ts, out = append(ts, task{claim: c, unit: u}), append(out, Task{Claim: i, Unit: u})
		}
	}
	return ts, out
}

// Deal deals the work of claims to n shards: costliest task first to the
// shard with the least cost so far, ties to the lowest index. Tasks are in
// report order, a divided claim's units in the order of its Units.
func Deal(claims []theorem.Claim, n int) []Task {
	if n < 1 {
		panic(fmt.Sprintf("report: Deal: %d shards", n))
	}
	ts, out := tasks(claims)
	load := make([]int64, n)
	for _, i := range launchOrder(ts) {
		best := 0
		for s := 1; s < n; s++ {
			if load[s] < load[best] {
				best = s
			}
		}
		out[i].Shard = best
		load[best] += int64(ts[i].cost()) + 1 // +1: tasks of no cost still spread out
	}
	return out
}

// RunShard runs the tasks of opts' claims (every claim, or opts.Only) that
// Deal deals to shard index of n.
func RunShard(opts Options, index, n int) *Shard {
	if n < 1 || index < 0 || index >= n {
		panic(fmt.Sprintf("report: RunShard: shard %d of %d", index, n))
	}
	claims := selectClaims(opts.Only)
	ids := make([]string, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	var mine []task
	for _, t := range Deal(claims, n) {
		if t.Shard == index {
			mine = append(mine, task{claim: claims[t.Claim], unit: t.Unit})
		}
	}
	sh := &Shard{Seed: opts.Seed, Checks: opts.Checks, Index: index, Of: n, IDs: ids, Claims: []ClaimReport{}, Units: []UnitReport{}}
	for i, res := range runTasks(opts, mine) {
		t := mine[i]
		if t.unit < 0 {
			sh.Claims = append(sh.Claims, entry(t.claim, res, opts))
			continue
		}
		if res.Findings == nil {
			res.Findings = []theorem.Finding{}
		}
		sh.Units = append(sh.Units, UnitReport{Claim: t.claim.ID, Unit: t.claim.Units[t.unit].Name, Result: res})
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
// list), a shard given twice or missing, a claim missing or repeated, and,
// for a claim divided into units, a unit missing, repeated or foreign (not
// a unit of the claim) and a claim given both whole and by units. A divided
// claim's entry is theorem.CombineUnits of its units' results, as in the
// unsharded run.
func Merge(shards []*Shard) (*Report, error) {
	if len(shards) == 0 {
		return nil, fmt.Errorf("no shards")
	}
	first := shards[0]
	seen := make([]bool, first.Of)
	got := map[string]ClaimReport{}
	units := map[string]map[string]theorem.Result{}
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
		for _, u := range s.Units {
			if units[u.Claim] == nil {
				units[u.Claim] = map[string]theorem.Result{}
			}
			if _, dup := units[u.Claim][u.Unit]; dup {
				return nil, fmt.Errorf("unit %s of claim %s reported twice", u.Unit, u.Claim)
			}
			units[u.Claim][u.Unit] = u.Result
		}
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("shard %d/%d is missing", i, first.Of)
		}
	}
	opts := Options{Seed: first.Seed, Checks: first.Checks}
	rep := &Report{Seed: first.Seed, Checks: first.Checks, Claims: make([]ClaimReport, 0, len(first.IDs))}
	used := 0
	for _, id := range first.IDs {
		c, whole := got[id]
		us, parts := units[id]
		switch {
		case whole && parts:
			return nil, fmt.Errorf("claim %s is reported both whole and by units", id)
		case whole:
			rep.Claims = append(rep.Claims, c)
		case parts:
			e, err := combine(id, us, opts)
			if err != nil {
				return nil, err
			}
			rep.Claims = append(rep.Claims, e)
		default:
			return nil, fmt.Errorf("claim %s is in no shard", id)
		}
		used++
	}
	if len(got)+len(units) != used {
		return nil, fmt.Errorf("the shards report %d claims, the run has %d", len(got)+len(units), len(first.IDs))
	}
	return rep, nil
}

// combine is the entry of divided claim id from its units' results: every
// unit of the claim exactly once, none other.
func combine(id string, us map[string]theorem.Result, opts Options) (ClaimReport, error) {
	c, ok := theorem.Lookup(id)
	if !ok || !divided(c) {
		return ClaimReport{}, fmt.Errorf("claim %s is reported by units but is not divided into units", id)
	}
	rs := make([]theorem.Result, len(c.Units))
	for i, u := range c.Units {
		r, ok := us[u.Name]
		if !ok {
			return ClaimReport{}, fmt.Errorf("unit %s of claim %s is in no shard", u.Name, id)
		}
		rs[i] = r
	}
	if len(us) != len(c.Units) {
		var foreign []string
		for name := range us {
			if !slices.ContainsFunc(c.Units, func(u theorem.Unit) bool { return u.Name == name }) {
				foreign = append(foreign, name)
			}
		}
		slices.Sort(foreign)
		return ClaimReport{}, fmt.Errorf("claim %s has no unit %v", id, foreign)
	}
	res := theorem.CombineUnits(c, theorem.Config{Seed: opts.Seed, Checks: opts.Checks}, rs)
	return entry(c, res, opts), nil
}
