//! Parallel work whose results come out in order, as soon as each result and all the ones before
//! it are done, with at most a bounded number waiting: a folder run's memory holds a few files'
//! reports, whatever the number of files.
//!
//! Plain `std::thread::scope` threads over a shared counter rather than rayon: rayon's
//! `par_iter().collect()` hands back every result at the end (memory grows with the folder), and
//! bounding how far its workers run ahead of the writer would mean blocking inside rayon's pool,
//! which it advises against. Here a worker waits while the results not yet written fill the
//! window, so a slow writer (a pipe, a terminal) holds the workers back instead of the heap
//! growing.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex};

struct State<T> {
    /// The next index to hand to a worker.
    next: usize,
    /// Results done and not yet emitted, by index.
    done: BTreeMap<usize, T>,
    /// How many results have been emitted (all indices below this one).
    emitted: usize,
    /// Set when the consumer wants no more (output closed).
    stop: bool,
}

/// Runs `work(i)` for every `i` in `0..n` on `threads` threads and calls `emit(i, result)` on
/// the calling thread in index order. At most `window` results are in progress or waiting at
/// once. `emit` returns false to stop: no new work starts, and what is running finishes.
pub fn ordered<T: Send>(
    n: usize,
    threads: usize,
    window: usize,
    work: impl Fn(usize) -> T + Sync,
    mut emit: impl FnMut(usize, T) -> bool,
) {
    let threads = threads.clamp(1, n.max(1));
    let window = window.max(threads);
    if threads == 1 {
        // No second thread to wait for: work and emit in turn.
        for i in 0..n {
            if !emit(i, work(i)) {
                return;
            }
        }
        return;
    }
    let state = Mutex::new(State {
        next: 0,
        done: BTreeMap::new(),
        emitted: 0,
        stop: false,
    });
    // Workers wait on `room` for the window to open; the writer waits on `ready` for a result.
    let room = Condvar::new();
    let ready = Condvar::new();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = {
                    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
                    while !s.stop && s.next < n && s.next >= s.emitted + window {
                        s = room.wait(s).unwrap_or_else(|p| p.into_inner());
                    }
                    if s.stop || s.next >= n {
                        return;
                    }
                    s.next += 1;
                    s.next - 1
                };
                let result = work(i);
                let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
                s.done.insert(i, result);
                ready.notify_one();
            });
        }
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        while s.emitted < n {
            let i = s.emitted;
            match s.done.remove(&i) {
                Some(result) => {
                    s.emitted += 1;
                    drop(s);
                    room.notify_all();
                    let go_on = emit(i, result);
                    s = state.lock().unwrap_or_else(|p| p.into_inner());
                    if !go_on {
                        s.stop = true;
                        room.notify_all();
                        break;
                    }
                }
                None => s = ready.wait(s).unwrap_or_else(|p| p.into_inner()),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_and_within_the_window() {
        for threads in [1, 2, 4] {
            let running = AtomicUsize::new(0);
            let ahead = AtomicUsize::new(0);
            let emitted = AtomicUsize::new(0);
            let mut seen = Vec::new();
            ordered(
                200,
                threads,
                6,
                |i| {
                    running.fetch_add(1, Ordering::SeqCst);
                    // Later items finish sooner, so results arrive out of order.
                    std::thread::sleep(std::time::Duration::from_micros(
                        ((i * 7) % 13) as u64 * 50,
                    ));
                    let behind = i - emitted.load(Ordering::SeqCst).min(i);
                    ahead.fetch_max(behind, Ordering::SeqCst);
                    running.fetch_sub(1, Ordering::SeqCst);
                    i * 2
                },
                |i, v| {
                    assert_eq!(v, i * 2);
                    seen.push(i);
                    emitted.store(i + 1, Ordering::SeqCst);
                    true
                },
            );
            assert_eq!(seen, (0..200).collect::<Vec<_>>(), "{threads} threads");
            // `emitted` is stored just after the writer moves on, so it may lag by one.
            assert!(ahead.load(Ordering::SeqCst) <= 6, "{threads} threads");
        }
    }

    #[test]
    fn stopping_starts_no_new_work() {
        let started = AtomicUsize::new(0);
        let mut n = 0;
        ordered(
            1000,
            2,
            4,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_, _| {
                n += 1;
                n < 3
            },
        );
        assert_eq!(n, 3);
        assert!(started.load(Ordering::SeqCst) <= 3 + 4);
    }
}
