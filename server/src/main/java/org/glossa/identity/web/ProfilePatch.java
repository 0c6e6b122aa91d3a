package org.glossa.identity.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.glossa.identity.internal.ProfileChanges;
import org.glossa.shared.validation.IanaTimeZone;
import org.glossa.shared.validation.LanguageTag;

/**
 * A partial profile update (JSON merge patch): fields left out stay as they are; {@code null}
 * clears {@code nativeLanguage} and {@code reminderTime}. A class with setters, because only a
 * setter can tell an explicit null from a missing field.
 */
@Schema(description = "Fields left out are unchanged; null clears nativeLanguage and reminderTime")
class ProfilePatch {

    @Size(min = 1, max = 100)
    private String displayName;
    @IanaTimeZone
    private String timeZone;
    @LanguageTag
    private String nativeLanguage;
    private boolean nativeLanguageGiven;
    @Size(max = 20)
    private List<@LanguageTag String> learningLanguages;
    @Schema(allowableValues = { "10", "20", "30", "50" })
    private Integer dailyGoal;
    @Schema(type = "string", format = "time", example = "19:30")
    private LocalTime reminderTime;
    private boolean reminderTimeGiven;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getNativeLanguage() {
        return nativeLanguage;
    }

    public void setNativeLanguage(String nativeLanguage) {
        this.nativeLanguage = nativeLanguage;
        this.nativeLanguageGiven = true;
    }

    public List<String> getLearningLanguages() {
        return learningLanguages;
    }

    public void setLearningLanguages(List<String> learningLanguages) {
        this.learningLanguages = learningLanguages;
    }

    public Integer getDailyGoal() {
        return dailyGoal;
    }

    public void setDailyGoal(Integer dailyGoal) {
        this.dailyGoal = dailyGoal;
    }

    public LocalTime getReminderTime() {
        return reminderTime;
    }

    public void setReminderTime(LocalTime reminderTime) {
        this.reminderTime = reminderTime;
        this.reminderTimeGiven = true;
    }

    @JsonIgnore
    ProfileChanges changes() {
        return new ProfileChanges(displayName, timeZone, nativeLanguageGiven, nativeLanguage, learningLanguages,
                dailyGoal, reminderTimeGiven, reminderTime);
    }
}
