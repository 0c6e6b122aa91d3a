package org.glossa.dictionary.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.glossa.content.CourseImported;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.content.ItemView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links each course item to the dictionary entries its words are the lemma or a form of (in the course's
 * target language): when a course is imported, and again after every dictionary import.
 */
@Service
public class ItemLinks {

    private static final Logger log = LoggerFactory.getLogger(ItemLinks.class);
    static final int ENTRIES_PER_WORD = 3;

    private final Courses courses;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ItemLinks(Courses courses, JdbcClient jdbc, JdbcTemplate template) {
        this.courses = courses;
        this.jdbc = jdbc;
        this.template = template;
    }

    @ApplicationModuleListener
    void on(CourseImported event) {
        link(event.courseId());
    }

    /** Every course of the catalogue, after a dictionary import. */
    public void linkAll() {
        for (CourseSummary course : courses.catalogue(null, null)) {
            link(course.id());
        }
    }

    @Transactional
    public int link(UUID courseId) {
        CourseOutline outline = courses.outline(courseId).orElse(null);
        if (outline == null) {
            return 0;
        }
        String language = outline.course().targetLanguage();
        List<ItemView> items = courses.items(courseId);
        Map<UUID, List<String>> wordsByItem = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ItemView item : items) {
            List<String> words = SearchKeys.words(item.text());
            wordsByItem.put(item.id(), words);
            words.forEach(w -> keys.add(SearchKeys.fold(w)));
        }
        Map<String, List<UUID>> entries = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("""
                    select folded, entry_id from dictionary_term where language = :language and folded in (:keys)
                    order by folded, kind, rank
                    """).param("language", language).param("keys", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(rs -> {
                        List<UUID> ids = entries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        UUID id = rs.getObject(2, UUID.class);
                        if (ids.size() < ENTRIES_PER_WORD && !ids.contains(id)) {
                            ids.add(id);
                        }
                    });
        }
        record Link(UUID item, UUID entry, String word) {
        }
        List<Link> links = new ArrayList<>();
        wordsByItem.forEach((item, words) -> {
            Set<UUID> seen = new java.util.HashSet<>();
            for (String word : words) {
                for (UUID entry : entries.getOrDefault(SearchKeys.fold(word), List.of())) {
                    if (seen.add(entry)) {
                        links.add(new Link(item, entry, word.length() > 300 ? word.substring(0, 300) : word));
                    }
                }
            }
        });
        jdbc.sql("delete from dictionary_item_link where course_id = :course").param("course", courseId).update();
        // Two links of one course may run at once (a course imported while a dictionary import relinks every course,
        // as at start-up with the demo content): both compute the same links, and the second keeps the first's rows.
        template.batchUpdate("""
                insert into dictionary_item_link (item_id, course_id, entry_id, word) values (?, ?, ?, ?)
                on conflict do nothing
                """,
                links, 500, (ps, l) -> {
                    ps.setObject(1, l.item());
                    ps.setObject(2, courseId);
                    ps.setObject(3, l.entry());
                    ps.setString(4, l.word());
                });
        log.debug("Linked {} words of course {} to dictionary entries", links.size(), courseId);
        return links.size();
    }
}
