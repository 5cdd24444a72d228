package org.stancebench.dataset.page;

import java.util.List;
import java.util.Objects;

/**
 * An opinion page as {@link PageParser} reads it: headline, optional subtitle, body paragraphs, the
 * article's author and the numbered reader comments.
 *
 * <p>Immutable. Every string is non-blank and trimmed; comments are numbered 1, 2, 3 ... in order.
 *
 * @param title the headline
 * @param subtitle the subtitle, or null when the page has none
 * @param paragraphs the body paragraphs, in order (at least one)
 * @param author who wrote the article
 * @param comments the reader comments, in order (possibly none)
 */
public record Page(String title, String subtitle, List<String> paragraphs, Author author,
                   List<Comment> comments) {
    public Page {
        requireText(title, "title");
        if (subtitle != null) {
            requireText(subtitle, "subtitle");
        }
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("a page needs at least one body paragraph");
        }
        paragraphs.forEach(p -> requireText(p, "paragraph"));
        Objects.requireNonNull(author, "author");
        comments = List.copyOf(comments);
        for (int i = 0; i < comments.size(); i++) {
            if (comments.get(i).index() != i + 1) {
                throw new IllegalArgumentException("comment " + (i + 1) + " is numbered " + comments.get(i).index());
            }
        }
    }

    /**
     * The article's author, from the byline block.
     *
     * @param name the author's name
     * @param role the author's role, for example "Foreign affairs columnist"
     */
    public record Author(String name, String role) {
        public Author {
            requireText(name, "author name");
            requireText(role, "author role");
        }
    }

    /**
     * One reader comment.
     *
     * @param index its number on the page, from 1
     * @param author the commenter's name as shown
     * @param text the comment's paragraphs joined with a blank line ({@code "\n\n"})
     */
    public record Comment(int index, String author, String text) {
        public Comment {
            if (index < 1) {
                throw new IllegalArgumentException("comment index must be >= 1, got " + index);
            }
            requireText(author, "comment author");
            requireText(text, "comment text");
        }
    }

    private static void requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
