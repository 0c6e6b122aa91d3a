package org.glossa.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("""
            select a from Account a
            where :query = '' or a.email like concat('%', :query, '%') or lower(a.displayName) like concat('%', :query, '%')
            """)
    Page<Account> search(@Param("query") String query, Pageable pageable);
}
