// The SQL that turns a record row into the sync state a person sees (schema v4). "sent" is not
// stored: a head still 'unsynced' counts as sent once a batch at or after its out_sequence exists.
#pragma once

namespace gocua::store::detail {

inline constexpr const char* kSyncStateColumn =
    "CASE WHEN sync_state='unsynced' AND out_sequence <= (SELECT coalesce(max(sequence), 0) FROM batch) "
    "THEN 'sent' ELSE sync_state END";

// The batch sequence a head written now will travel in (the laptop's next one).
inline constexpr const char* kNextSequenceValue =
    "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key='sync.next_sequence'), 1)";

}  // namespace gocua::store::detail
