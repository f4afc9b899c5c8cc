"""The badge awards of the bulk load (see ``bulk``): awards, their e-mails, and the rows
of the status lists they fill."""

AWARD_SQL = [
    (
        "badge awards and their e-mails",
        """
        WITH awarded AS (
            INSERT INTO credentials_badgeaward (
                uuid, badge_class_id, recipient_id, awarded_at, language, source, reason,
                evidence, credential, jws, status_list, status_index, revoked_at,
                revocation_reason, signed_at)
            SELECT gen_random_uuid(), (%(badge_classes)s::bigint[])[b %% 3 + 1],
                   %(ub)s + b / 3, t, 'ar', 'rule', '', '[]'::jsonb, '{}'::jsonb,
                   'bench.unsigned.credential', 1 + b / %(slots)s,
                   (b %% %(slots)s) * 6 + b %% 6,
                   CASE WHEN b %% 100 = 7 THEN t + interval '10 days' END,
                   CASE WHEN b %% 100 = 7 THEN 'منحت بالخطأ' ELSE '' END, t
            FROM generate_series(%(lo)s, %(hi)s - 1) AS b,
                 LATERAL (SELECT now() - (b %% 500) * interval '1 day'
                                 - (b %% 1440) * interval '1 minute' AS t) AS x
            -- a slot an award made by the site already took is left out
            ON CONFLICT DO NOTHING
            RETURNING id, recipient_id, awarded_at
        )
        INSERT INTO notifications_outboxemail (recipient_id, kind, language, data, is_digest,
                                               status, send_after, attempts, last_error,
                                               created_at, sent_at, subject)
        SELECT recipient_id, 'badge_awarded', 'ar', jsonb_build_object('award', id), false,
               'sent', awarded_at, 1, '', awarded_at, awarded_at, 'مبروك! حصلت على شارة'
        FROM awarded
        """,
    ),
    (
        "status lists",
        """
        INSERT INTO credentials_badgestatuslist (number, used, created_at, revoked, changed_at)
        SELECT status_list, count(*), min(awarded_at), count(revoked_at), max(revoked_at)
        FROM credentials_badgeaward GROUP BY status_list
        ON CONFLICT (number) DO UPDATE
            SET used = EXCLUDED.used, revoked = EXCLUDED.revoked,
                changed_at = EXCLUDED.changed_at,
                created_at = LEAST(credentials_badgestatuslist.created_at, EXCLUDED.created_at)
        """,
    ),
]
