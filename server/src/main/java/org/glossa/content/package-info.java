/**
 * Content: courses, their sections, skills, lessons and the words and phrases they teach; imported
 * from LibreLingo archives or loaded as the demo course. Other modules read it through
 * {@link org.glossa.content.Courses}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.glossa.content;
