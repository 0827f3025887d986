"""Domain rules, one package per area of the site (mirroring trainer/web/):

- common: what every area shares — the clock, the throttle, spreadsheet cells.
- members: accounts, passwords, sign-in and its sessions, teams, joining, who may see whom,
  lesson progress, the member import.
- certification: drawing and grading quizzes, attempts and retakes, certificates, their
  codes, seals, pictures, Open Badges, signing keys and verification, item statistics.
- hall: the projector's sessions and the live phone quiz, and the codes a hall types.
- listening: play counts, recorded voices and which steps to record next.
- field: villages, their targets, the visit log.
- reports: the quarterly report and its field part.
- reading: posters and the topic packs a phone downloads.

Services take plain values, never `request`; the write lock lives in trainer.database.
"""
