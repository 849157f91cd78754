package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/theorem"
)

// shardClaims are real claims, cheap enough to run twice in a test.
var shardClaims = []string{"R2", "C4.2", "D4.3", "T4.4", "R3", "R4", "L4.7"}

// The shards of a run, merged, are byte for byte the unsharded report, for
// n = 1, 2, 3 and 7 (more shards than some have claims).
func TestShardMergeBytes(t *testing.T) {
	opts := Options{Seed: 1, Checks: 20, Only: shardClaims}
	var wantJSON, wantMD bytes.Buffer
	full := Run(opts)
	if err := full.WriteJSON(&wantJSON); err != nil {
		t.Fatal(err)
	}
	if err := full.WriteMarkdown(&wantMD); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 7} {
		var shards []*Shard
		for i := n - 1; i >= 0; i-- { // any order
			var buf bytes.Buffer
			if err := RunShard(opts, i, n).WriteJSON(&buf); err != nil {
				t.Fatal(err)
			}
			s, err := ReadShard(&buf)
			if err != nil {
				t.Fatal(err)
			}
			shards = append(shards, s)
		}
		rep, err := Merge(shards)
		if err != nil {
			t.Fatalf("n = %d: %v", n, err)
		}
		var gotJSON, gotMD bytes.Buffer
		if err := rep.WriteJSON(&gotJSON); err != nil {
			t.Fatal(err)
		}
		if err := rep.WriteMarkdown(&gotMD); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gotJSON.Bytes(), wantJSON.Bytes()) || !bytes.Equal(gotMD.Bytes(), wantMD.Bytes()) {
			t.Fatalf("n = %d: merged report differs from the unsharded one", n)
		}
	}
}

// Merge refuses shards of different runs, a repeated or missing shard, and
// a claim reported twice or by no shard.
func TestMergeRefuses(t *testing.T) {
	ids := []string{"a", "b", "c"}
	mk := func(i, n int, seed uint64, claims ...string) *Shard {
		s := &Shard{Seed: seed, Checks: 5, Index: i, Of: n, IDs: ids}
		for _, c := range claims {
			s.Claims = append(s.Claims, ClaimReport{ID: c})
		}
		return s
	}
	cases := map[string][]*Shard{
		"none":          nil,
		"another seed":  {mk(0, 2, 1, "a"), mk(1, 2, 2, "b", "c")},
		"twice":         {mk(0, 2, 1, "a"), mk(0, 2, 1, "b", "c")},
		"missing shard": {mk(0, 2, 1, "a", "b", "c")},
		"claim twice":   {mk(0, 2, 1, "a", "b"), mk(1, 2, 1, "b", "c")},
		"claim missing": {mk(0, 2, 1, "a"), mk(1, 2, 1, "c")},
		"extra claim":   {mk(0, 2, 1, "a", "b"), mk(1, 2, 1, "c", "d")},
		"other n":       {mk(0, 2, 1, "a"), mk(1, 3, 1, "b", "c")},
	}
	for name, shards := range cases {
		if _, err := Merge(shards); err == nil {
			t.Errorf("%s: merged", name)
		}
	}
	if rep, err := Merge([]*Shard{mk(1, 2, 1, "c", "a"), mk(0, 2, 1, "b")}); err != nil || rep.Claims[0].ID != "a" || rep.Claims[2].ID != "c" {
		t.Errorf("a valid merge: %v", err)
	}
	for _, bad := range []string{`{"seed":1,"shard":2,"of":2}`, `{"seed":1,"of":1,"extra":true}`, `not json`} {
		if _, err := ReadShard(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadShard(%s) accepted", bad)
		}
	}
}

// Assign deals costliest first to the least loaded shard: costs 9, 5, 2, 2
// on 2 shards give {9} and {5, 2, 2}; every claim gets a shard.
func TestAssign(t *testing.T) {
	claims := []theorem.Claim{{ID: "a", Cost: 2}, {ID: "b", Cost: 5}, {ID: "c", Cost: 2}, {ID: "d", Cost: 9}}
	got := Assign(claims, 2)
	want := []int{1, 1, 1, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Assign = %v, want %v", got, want)
		}
	}
	if got := Assign(claims, 9); got[3] != 0 || got[1] != 1 || got[0] != 2 || got[2] != 3 {
		t.Fatalf("9 shards: %v", got)
	}
}
