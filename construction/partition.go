package construction

// Consecutive partition and the kept set J (Sec. 4.2, Def. 4.3, eq. 14–15).
//
// For a set I of integers, the consecutive partition P(I) groups I into
// maximal runs of consecutive integers: i and j are in the same block iff
// every integer between them is in I (Def. 4.3; Example 1:
// {1,2,3,5,6,8,10,11,12,13} → {1,2,3},{5,6},{8},{10,…,13}).
//
// Theorem 4.4 keeps J = T ∪ {the two end points of every block of
// P([K]∖T)} and drops the interior points of each block. A dropped point i
// lies strictly between the two end points l < i < r of its block, both kept
// with z_l = z_r = 0, and no kept point lies strictly between l and r (every
// index between them is in the block and is dropped), so the interpolant on J
// is affine on [aᵀx_l, aᵀx_r] and vanishes at both ends: it is 0 at aᵀx_i.
// Hence |J| = K − Σ_{P∈P([K]∖T)} max{|P|−2, 0} (eq. 15).
//
// Indices here are positions along the sorted projection aᵀx_(1) < … <
// aᵀx_(K), not the user's row numbers: consecutiveness is about the order on
// the line. Functions take and return sorted ints in whatever base the caller
// uses (the claim checks use 1-based [K], the construction 0-based).

import "sort"

// ConsecutivePartition returns P(I): the maximal runs of consecutive integers
// of I, in increasing order. I need not be sorted; repeated entries count once.
func ConsecutivePartition(I []int) [][]int {
	s := append([]int(nil), I...)
	sort.Ints(s)
	var blocks [][]int
	for i, v := range s {
		if i > 0 && v == s[i-1] {
			continue
		}
		if n := len(blocks); n > 0 && blocks[n-1][len(blocks[n-1])-1] == v-1 {
			blocks[n-1] = append(blocks[n-1], v)
			continue
		}
		blocks = append(blocks, []int{v})
	}
	return blocks
}

// Complement returns {lo, …, lo+K−1} ∖ T, sorted: [K]∖T for lo = 1, the
// unchanged positions for lo = 0.
func Complement(K, lo int, T []int) []int {
	in := make(map[int]bool, len(T))
	for _, t := range T {
		in[t] = true
	}
	var out []int
	for i := lo; i < lo+K; i++ {
		if !in[i] {
			out = append(out, i)
		}
	}
	return out
}

// Removed is Σ_{P∈P([K]∖T)} max{|P|−2, 0}: how many points Theorem 4.4 drops.
// T is given in the base lo (0 or 1), as Complement.
func Removed(K, lo int, T []int) int {
	r := 0
	for _, P := range ConsecutivePartition(Complement(K, lo, T)) {
		r += max(len(P)-2, 0)
	}
	return r
}

// Kept returns J = T ∪ {end points of the blocks of P([K]∖T)}, sorted, in the
// base lo of T (eq. 14).
func Kept(K, lo int, T []int) []int {
	J := append([]int(nil), T...)
	for _, P := range ConsecutivePartition(Complement(K, lo, T)) {
		J = append(J, P[0])
		if len(P) > 1 {
			J = append(J, P[len(P)-1])
		}
	}
	sort.Ints(J)
	return J
}
