//! How the index writer merges segments: tantivy's log merge policy, with each merge's input
//! capped in bytes, one merge at a time.
//!
//! A merge reads its input segments through memory maps, and every page it reads counts in
//! the process's resident memory until the merge ends. With tantivy's defaults (up to four
//! merges at once, no limit on their size) a build of 1,000,000 articles peaked at about
//! 1 GB of mapped index files on top of the writer's own memory, and the peak grows with the
//! archive. Capping the input of a merge at [`MAX_MERGE_INPUT`] and running one merge at a
//! time bounds that part by the cap whatever the archive's size. The price is more segments
//! in large indexes, as with Lucene's maximum merged segment size: segments that cannot
//! merge with two others under the cap stay as they are (11 to 17 segments at 1,000,000
//! articles with the default writer budget, against 7 for bare tantivy merging uncapped).

use std::collections::HashMap;
use std::path::PathBuf;

use tantivy::index::{SegmentComponent, SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Largest total size of the segments one merge reads, in bytes.
pub const MAX_MERGE_INPUT: u64 = 512 << 20;

/// Fewest segments worth a merge: merging two rewrites both for one segment less.
const MIN_MERGE_SEGMENTS: usize = 3;

/// A segment with more than this share of its documents deleted (files changed or removed
/// since it was written) is rewritten on its own, so that segments at the cap, which merge
/// no more, still give their space back.
const MAX_DELETED_SHARE: f64 = 0.5;

/// Merges running at once.
pub const MERGE_THREADS: usize = 1;

/// tantivy's [`LogMergePolicy`], with each merge cut down to the smallest of its segments
/// that fit in `max_input` bytes together, and dropped if fewer than three fit; and a
/// segment mostly deleted rewritten alone.
#[derive(Debug)]
pub struct CappedMerges {
    log: LogMergePolicy,
    /// The index directory, to read segment sizes from; `None` for an index in memory (not
    /// mapped, so not capped).
    dir: Option<PathBuf>,
    max_input: u64,
}

impl CappedMerges {
    /// The policy for the index in `dir`.
    pub fn new(dir: Option<PathBuf>, max_input: u64) -> CappedMerges {
        CappedMerges {
            log: LogMergePolicy::default(),
            dir,
            max_input,
        }
    }

    /// Bytes on disk of the files a merge of `seg` reads.
    fn size(&self, seg: &SegmentMeta) -> Option<u64> {
        let dir = self.dir.as_ref()?;
        let components = [
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
            SegmentComponent::Terms,
            SegmentComponent::Store,
        ];
        Some(
            components
                .into_iter()
                .filter_map(|c| std::fs::metadata(dir.join(seg.relative_path(c))).ok())
                .map(|m| m.len())
                .sum(),
        )
    }
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: HashMap<SegmentId, u64> = segments
            .iter()
            .filter_map(|s| Some((s.id(), self.size(s)?)))
            .collect();
        // Segments already at the cap are left alone; the others merge as tantivy would,
        // smallest first up to the cap.
        let mergeable: Vec<SegmentMeta> = segments
            .iter()
            .filter(|s| sizes.get(&s.id()).is_none_or(|&b| b < self.max_input))
            .cloned()
            .collect();
        let mut out = Vec::new();
        for MergeCandidate(mut ids) in self.log.compute_merge_candidates(&mergeable) {
            if !sizes.is_empty() {
                ids.sort_by_key(|id| sizes.get(id).copied().unwrap_or(0));
                let mut total = 0;
                ids.retain(|id| {
                    total += sizes.get(id).copied().unwrap_or(0);
                    total <= self.max_input
                });
            }
            if ids.len() >= MIN_MERGE_SEGMENTS {
                out.push(MergeCandidate(ids));
            }
        }
        for seg in segments {
            let deleted = f64::from(seg.num_deleted_docs()) / f64::from(seg.max_doc().max(1));
            let fits = sizes.get(&seg.id()).is_none_or(|&b| b <= self.max_input);
            let merging = out
                .iter()
                .any(|MergeCandidate(ids)| ids.contains(&seg.id()));
            if deleted > MAX_DELETED_SHARE && fits && !merging {
                out.push(MergeCandidate(vec![seg.id()]));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STRING};
    use tantivy::Index;

    /// Segments of the given sizes (bytes of a `.store` file) in a temporary index directory.
    fn segments(dir: &std::path::Path, sizes: &[u64]) -> Vec<SegmentMeta> {
        let mut schema = Schema::builder();
        schema.add_text_field("id", STRING);
        let index = Index::create_in_ram(schema.build());
        sizes
            .iter()
            .map(|&size| {
                let meta = index.new_segment_meta(SegmentId::generate_random(), 10_000);
                let file =
                    std::fs::File::create(dir.join(meta.relative_path(SegmentComponent::Store)))
                        .expect("segment file");
                file.set_len(size).expect("sized");
                meta
            })
            .collect()
    }

    fn merged(policy: &CappedMerges, segs: &[SegmentMeta]) -> Vec<Vec<usize>> {
        policy
            .compute_merge_candidates(segs)
            .into_iter()
            .map(|MergeCandidate(ids)| {
                let mut at: Vec<usize> = ids
                    .iter()
                    .map(|id| segs.iter().position(|s| s.id() == *id).expect("known"))
                    .collect();
                at.sort_unstable();
                at
            })
            .collect()
    }

    #[test]
    fn a_merge_reads_at_most_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        // Eight segments of one level, as tantivy's log policy wants; 100 bytes fit 3 of 30.
        let segs = segments(dir.path(), &[30, 31, 32, 33, 34, 35, 36, 37]);
        let capped = CappedMerges::new(Some(dir.path().to_path_buf()), 100);
        assert_eq!(merged(&capped, &segs), [vec![0, 1, 2]]);
        // Without the cap (or in memory) the whole level merges, as tantivy would.
        let uncapped = CappedMerges::new(Some(dir.path().to_path_buf()), u64::MAX);
        assert_eq!(merged(&uncapped, &segs), [(0..8).collect::<Vec<_>>()]);
        let in_ram = CappedMerges::new(None, 100);
        assert_eq!(merged(&in_ram, &segs), [(0..8).collect::<Vec<_>>()]);
    }

    #[test]
    fn a_mostly_deleted_segment_is_rewritten_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut segs = segments(dir.path(), &[100, 100]);
        segs[0] = segs[0].clone().with_delete_meta(6_000, 1);
        segs[1] = segs[1].clone().with_delete_meta(4_000, 1);
        let capped = CappedMerges::new(Some(dir.path().to_path_buf()), 100);
        assert_eq!(merged(&capped, &segs), [vec![0]]);
    }

    #[test]
    fn segments_that_fill_the_cap_two_at_a_time_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let segs = segments(dir.path(), &[40; 8]);
        let capped = CappedMerges::new(Some(dir.path().to_path_buf()), 100);
        assert!(merged(&capped, &segs).is_empty());
        // A segment at the cap is out of merges: the seven small ones left are too few for
        // tantivy's policy (eight), though they would fit.
        let mut big = segments(dir.path(), &[100]);
        big.extend(segments(dir.path(), &[10; 7]));
        let loose = CappedMerges::new(Some(dir.path().to_path_buf()), 100);
        assert!(merged(&loose, &big).is_empty());
    }
}
