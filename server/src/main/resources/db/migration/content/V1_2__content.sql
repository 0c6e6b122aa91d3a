-- Courses and their path: sections, skills, lessons and the items (words and phrases) they teach.
create table content_course (
    id                 uuid          not null primary key,
    course_key         varchar(300)  not null,
    title              varchar(200)  not null,
    target_language    varchar(35)   not null,
    source_language    varchar(35)   not null,
    license_name       varchar(200),
    license_short_name varchar(100),
    license_link       varchar(500),
    repository         varchar(500),
    special_characters varchar(1000) not null,
    status             varchar(20)   not null,
    version            integer       not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create unique index content_course_key_uk on content_course (course_key);

create table content_section (
    id          uuid         not null primary key,
    course_id   uuid         not null references content_course (id) on delete cascade,
    position    integer      not null,
    name        varchar(200) not null,
    freely_open boolean      not null
);
create index content_section_course_idx on content_section (course_id);

create table content_skill (
    id          uuid           not null primary key,
    course_id   uuid           not null references content_course (id) on delete cascade,
    section_id  uuid           not null references content_section (id) on delete cascade,
    position    integer        not null,
    external_id varchar(100)   not null,
    name        varchar(200)   not null,
    explanation varchar(100000),
    thumbnails  varchar(1000)  not null
);
create index content_skill_course_idx on content_skill (course_id);
create index content_skill_section_idx on content_skill (section_id);

create table content_lesson (
    id        uuid    not null primary key,
    course_id uuid    not null references content_course (id) on delete cascade,
    skill_id  uuid    not null references content_skill (id) on delete cascade,
    position  integer not null
);
create index content_lesson_skill_idx on content_lesson (skill_id);

-- target_answers and source_answers hold one accepted answer per line (shorthand such as slashes kept).
create table content_item (
    id             uuid          not null primary key,
    course_id      uuid          not null references content_course (id) on delete cascade,
    skill_id       uuid          not null references content_skill (id) on delete cascade,
    lesson_id      uuid          not null references content_lesson (id) on delete cascade,
    position       integer       not null,
    kind           varchar(10)   not null,
    text           varchar(1000) not null,
    translation    varchar(1000) not null,
    target_answers varchar(8000) not null,
    source_answers varchar(8000) not null,
    images         varchar(1000) not null
);
create index content_item_skill_idx on content_item (skill_id);
create index content_item_course_idx on content_item (course_id);
create index content_item_lesson_idx on content_item (lesson_id);
