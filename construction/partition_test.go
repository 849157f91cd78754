package construction

import (
	"reflect"
	"testing"
)

// TestConsecutivePartitionExample1: the paper's Example 1 (eq. 10).
func TestConsecutivePartitionExample1(t *testing.T) {
	I := []int{1, 2, 3, 5, 6, 8, 10, 11, 12, 13}
	want := [][]int{{1, 2, 3}, {5, 6}, {8}, {10, 11, 12, 13}}
	if got := ConsecutivePartition(I); !reflect.DeepEqual(got, want) {
		t.Fatalf("P(%v) = %v, want %v", I, got, want)
	}
}

// TestKeptFig4: K = 14, T = {4, 7, 9, 14} removes {2, 11, 12} and keeps
// J = {1,3,4,5,6,7,8,9,10,13,14} (Sec. 4.2, below eq. 14).
func TestKeptFig4(t *testing.T) {
	T := []int{4, 7, 9, 14}
	wantJ := []int{1, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14}
	if got := Kept(14, 1, T); !reflect.DeepEqual(got, wantJ) {
		t.Fatalf("J = %v, want %v", got, wantJ)
	}
	if got := Removed(14, 1, T); got != 3 {
		t.Fatalf("removed %d, want 3", got)
	}
}

// TestPartitionBruteForce: for every I ⊆ [K], K ≤ 10, i and j (i < j) share
// a block of P(I) iff every integer in [i, j] is in I, and the blocks cover I.
func TestPartitionBruteForce(t *testing.T) {
	for K := 1; K <= 10; K++ {
		for mask := 0; mask < 1<<K; mask++ {
			in := func(i int) bool { return mask>>(i-1)&1 == 1 }
			var I []int
			for i := 1; i <= K; i++ {
				if in(i) {
					I = append(I, i)
				}
			}
			block := map[int]int{}
			for b, P := range ConsecutivePartition(I) {
				for _, v := range P {
					block[v] = b
				}
			}
			if len(block) != len(I) {
				t.Fatalf("K=%d I=%v: blocks cover %d elements", K, I, len(block))
			}
			for _, i := range I {
				for _, j := range I {
					run := true
					for v := min(i, j); v <= max(i, j); v++ {
						run = run && in(v)
					}
					if (block[i] == block[j]) != run {
						t.Fatalf("K=%d I=%v: %d and %d same block = %v, want %v", K, I, i, j, !run, run)
					}
				}
			}
		}
	}
}
